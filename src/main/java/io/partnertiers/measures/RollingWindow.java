package io.partnertiers.measures;

import java.time.LocalDate;

/**
 * The 365-day rolling window that ends on the evaluation date: a day {@code d} is inside when
 * {@code asOf - 365 days < d <= asOf} (seed 000: segments are a 365-day rolling result).
 */
public record RollingWindow(LocalDate asOf) {

    public static final int DAYS = 365;

    public boolean contains(LocalDate day) {
        return day != null && day.isAfter(asOf.minusDays(DAYS)) && !day.isAfter(asOf);
    }
}
