package io.partnertiers.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Points earned toward a target, capped: {@code floor(maxPoints × min(actual, target) / target)}, so
 * progress earns partial points, rounded down, and reaching the target earns the maximum.
 */
public final class CappedPoints {

    private CappedPoints() {
    }

    /** @param actual the measured value; null or negative earns nothing */
    public static int of(int maxPoints, BigDecimal target, BigDecimal actual) {
        if (actual == null || actual.signum() <= 0) {
            return 0;
        }
        BigDecimal progress = actual.min(target);
        return BigDecimal.valueOf(maxPoints).multiply(progress).divide(target, 0, RoundingMode.FLOOR).intValueExact();
    }

    /**
     * How much must be added to {@code actual} to earn at least one more point, in steps of the
     * precision {@code actual} is written with (whole units for counts); null at the maximum.
     */
    public static BigDecimal unitsToNextPoint(int maxPoints, BigDecimal target, BigDecimal actual) {
        BigDecimal from = actual == null || actual.signum() < 0 ? BigDecimal.ZERO : actual;
        int points = of(maxPoints, target, from);
        if (points >= maxPoints) {
            return null;
        }
        int scale = Math.max(0, from.stripTrailingZeros().scale());
        BigDecimal needed = target.multiply(BigDecimal.valueOf(points + 1L))
                .divide(BigDecimal.valueOf(maxPoints), scale, RoundingMode.CEILING);
        while (of(maxPoints, target, needed) <= points) { // the rounding of the step can fall just short
            needed = needed.add(BigDecimal.ONE.movePointLeft(scale));
        }
        return needed.subtract(from);
    }
}
