package io.partnertiers.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AdoptionStreakTest {

    private static final BigDecimal FLOOR = new BigDecimal("0.60");
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private static BigDecimal rate(String value) {
        return new BigDecimal(value);
    }

    @Test
    void shouldCountConsecutiveMonthsAtOrAboveTheFloor() {
        Map<YearMonth, BigDecimal> rates = Map.of(
                YearMonth.of(2026, 6), rate("0.60"), YearMonth.of(2026, 7), rate("0.75"), YearMonth.of(2026, 8), rate("0.61"));
        assertEquals(3, AdoptionStreak.longest(rates, FLOOR, NOVEMBER));
    }

    @Test
    void shouldBreakTheRunAtAMonthBelowTheFloor() {
        Map<YearMonth, BigDecimal> rates = Map.of(
                YearMonth.of(2026, 6), rate("0.70"), YearMonth.of(2026, 7), rate("0.59"), YearMonth.of(2026, 8), rate("0.70"),
                YearMonth.of(2026, 9), rate("0.70"));
        assertEquals(2, AdoptionStreak.longest(rates, FLOOR, NOVEMBER));
    }

    @Test
    void shouldBreakTheRunAtAMissingMonth() {
        Map<YearMonth, BigDecimal> rates = Map.of(
                YearMonth.of(2026, 5), rate("0.70"), YearMonth.of(2026, 6), rate("0.70"), YearMonth.of(2026, 8), rate("0.70"));
        assertEquals(2, AdoptionStreak.longest(rates, FLOOR, NOVEMBER));
    }

    @Test
    void shouldRunAcrossTheTurnOfTheYear() {
        Map<YearMonth, BigDecimal> rates = Map.of(
                YearMonth.of(2025, 12), rate("0.9"), YearMonth.of(2026, 1), rate("0.9"), YearMonth.of(2026, 2), rate("0.9"));
        assertEquals(3, AdoptionStreak.longest(rates, FLOOR, NOVEMBER));
    }

    @Test
    void shouldIgnoreMonthsAfterTheEvaluationMonth() {
        Map<YearMonth, BigDecimal> rates = Map.of(
                YearMonth.of(2026, 10), rate("0.9"), YearMonth.of(2026, 11), rate("0.9"), YearMonth.of(2026, 12), rate("0.9"));
        assertEquals(2, AdoptionStreak.longest(rates, FLOOR, NOVEMBER));
    }

    @Test
    void shouldBeZeroWithoutFigures() {
        assertEquals(0, AdoptionStreak.longest(Map.of(), FLOOR, NOVEMBER));
    }
}
