package io.partnertiers.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class CappedPointsTest {

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void shouldEarnPartialPointsRoundedDown() {
        assertEquals(2, CappedPoints.of(10, n("4"), n("1")), "10 × 1/4 = 2.5");
        assertEquals(7, CappedPoints.of(10, n("4"), n("3")), "10 × 3/4 = 7.5");
        assertEquals(4, CappedPoints.of(25, n("6"), n("1")), "25 × 1/6 = 4.17");
    }

    @Test
    void shouldEarnTheMaximumAtAndPastTheTarget() {
        assertEquals(20, CappedPoints.of(20, n("5"), n("5")));
        assertEquals(20, CappedPoints.of(20, n("5"), n("5000")));
    }

    @Test
    void shouldEarnNothingForNothingOrNoValue() {
        assertEquals(0, CappedPoints.of(20, n("5"), BigDecimal.ZERO));
        assertEquals(0, CappedPoints.of(20, n("5"), null));
        assertEquals(0, CappedPoints.of(25, n("6"), n("0.2")), "25 × 0.2/6 = 0.83");
    }

    @Test
    void shouldCountTheWholeUnitsToTheNextPoint() {
        assertEquals(n("1"), CappedPoints.unitsToNextPoint(20, n("5"), BigDecimal.ZERO), "1 of 5 earns 4 points");
        assertEquals(n("1"), CappedPoints.unitsToNextPoint(10, n("4"), n("3")), "3.2 rounds up to 4");
        assertEquals(n("1"), CappedPoints.unitsToNextPoint(30, n("10"), BigDecimal.ZERO), "1 of 10 earns 3 points");
    }

    @Test
    void shouldCountFractionalUnitsAtThePrecisionOfTheValue() {
        assertEquals(n("0.2"), CappedPoints.unitsToNextPoint(20, n("5"), n("0.3")), "0.5 earns the second point");
        assertEquals(n("0.01"), CappedPoints.unitsToNextPoint(100, n("1"), n("0.25")));
    }

    @Test
    void shouldHaveNoNextPointAtTheMaximum() {
        assertNull(CappedPoints.unitsToNextPoint(20, n("5"), n("5")));
        assertNull(CappedPoints.unitsToNextPoint(20, n("5"), n("7")));
    }
}
