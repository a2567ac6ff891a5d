package io.partnertiers.measures;

import java.time.LocalDate;
import java.time.Month;

/**
 * The fiscal year that contains a day, for a year starting on the first of {@code firstMonth}
 * (Salesforce's starts on 1 February, seed 003).
 */
public record FiscalYear(LocalDate start, LocalDate end) {

    public static FiscalYear containing(LocalDate day, Month firstMonth) {
        int startYear = day.getMonthValue() >= firstMonth.getValue() ? day.getYear() : day.getYear() - 1;
        LocalDate start = LocalDate.of(startYear, firstMonth, 1);
        return new FiscalYear(start, start.plusYears(1).minusDays(1));
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(start) && !day.isAfter(end);
    }
}
