package io.partnertiers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates and months exactly as ISO 8601 writes them, in the accepted years, real days only. */
class ValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24", "2024-02-29", "1900-01-01", "9999-12-31", "2026-01-31"})
    void shouldReadARealDayOfTheAcceptedYears(String text) {
        assertEquals(LocalDate.parse(text), Values.date(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2025-02-29", "2026-04-31", "1899-12-31", "2026-13-01", "2026-00-10",
            "2026-01-00", "2026-1-01", "+2026-01-01", "2026/01/01", "2026-01-01T00:00", "٢٠٢٦-01-01", "", "2026-01-0x"})
    void shouldRefuseAnythingElseAsADate(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Values.date(text));
        assertEquals("must be a date yyyy-MM-dd from 1900-01-01 to 9999-12-31", refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11", "1900-01", "9999-12"})
    void shouldReadAMonthOfTheAcceptedYears(String text) {
        assertEquals(YearMonth.parse(text), Values.month(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-00", "2026-13", "1899-12", "2026-1", "2026-11-01", "20261-1", "-2026-1"})
    void shouldRefuseAnythingElseAsAMonth(String text) {
        assertThrows(IllegalArgumentException.class, () -> Values.month(text));
    }
}
