package io.partnertiers.measures;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class RollingWindowTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
    private final RollingWindow window = new RollingWindow(AS_OF);

    @Test
    void shouldIncludeTheEvaluationDayAndTheDay364DaysBefore() {
        assertTrue(window.contains(AS_OF));
        assertTrue(window.contains(AS_OF.minusDays(364)));
    }

    @Test
    void shouldExcludeTheDayExactly365DaysBefore() {
        assertFalse(window.contains(AS_OF.minusDays(365)));
    }

    @Test
    void shouldExcludeTheFutureAndUndatedItems() {
        assertFalse(window.contains(AS_OF.plusDays(1)));
        assertFalse(window.contains(null));
    }

    @Test
    void shouldCountDaysAcrossALeapDay() {
        RollingWindow afterLeapDay = new RollingWindow(LocalDate.of(2028, 3, 1));
        assertTrue(afterLeapDay.contains(LocalDate.of(2027, 3, 3)));
        assertFalse(afterLeapDay.contains(LocalDate.of(2027, 3, 2)));
    }
}
