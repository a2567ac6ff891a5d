package io.partnertiers.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class ExactMeanTest {

    @Test
    void shouldAverageTenScoresOf4Point9ToExactly4Point9() {
        assertEquals(new BigDecimal("4.9"), ExactMean.of(Collections.nCopies(10, new BigDecimal("4.9"))));
    }

    @Test
    void shouldKeepExactDecimals() {
        assertEquals(new BigDecimal("4.25"), ExactMean.of(List.of(new BigDecimal("4.2"), new BigDecimal("4.3"))));
    }

    @Test
    void shouldRoundEndlessQuotientsTo16SignificantDigits() {
        BigDecimal mean = ExactMean.of(List.of(new BigDecimal("4"), new BigDecimal("4"), new BigDecimal("5")));
        assertEquals(new BigDecimal("4.333333333333333"), mean);
    }

    @Test
    void shouldWriteWholeMeansWithoutExponent() {
        assertEquals("5", ExactMean.of(List.of(new BigDecimal("5.00"), new BigDecimal("5"))).toPlainString());
        assertEquals(0, ExactMean.of(List.of(new BigDecimal("10"))).scale());
    }

    @Test
    void shouldHaveNoMeanOfNothing() {
        assertNull(ExactMean.of(List.of()));
    }
}
