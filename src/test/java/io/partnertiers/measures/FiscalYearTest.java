package io.partnertiers.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Month;

import org.junit.jupiter.api.Test;

class FiscalYearTest {

    @Test
    void shouldStartOnTheFirstOfFebruaryOfTheSameYearFromFebruaryOn() {
        FiscalYear year = FiscalYear.containing(LocalDate.of(2026, 11, 24), Month.FEBRUARY);
        assertEquals(LocalDate.of(2026, 2, 1), year.start());
        assertEquals(LocalDate.of(2027, 1, 31), year.end());
    }

    @Test
    void shouldBelongToThePreviousFiscalYearInJanuary() {
        assertEquals(LocalDate.of(2025, 2, 1), FiscalYear.containing(LocalDate.of(2026, 1, 31), Month.FEBRUARY).start());
    }

    @Test
    void shouldBeginANewYearOnTheFirstOfFebruary() {
        FiscalYear year = FiscalYear.containing(LocalDate.of(2026, 2, 1), Month.FEBRUARY);
        assertEquals(LocalDate.of(2026, 2, 1), year.start());
        assertTrue(year.contains(LocalDate.of(2026, 2, 1)));
        assertFalse(year.contains(LocalDate.of(2026, 1, 31)));
        assertFalse(year.contains(null));
    }

    @Test
    void shouldEndOnTheLastDayOfJanuaryInALeapYear() {
        assertEquals(LocalDate.of(2028, 1, 31), FiscalYear.containing(LocalDate.of(2027, 3, 1), Month.FEBRUARY).end());
    }
}
