package io.partnertiers.measures;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;

/** Arithmetic mean in decimal arithmetic, so that ten scores of 4.9 average exactly 4.9. */
public final class ExactMean {

    private ExactMean() {
    }

    /**
     * @return the mean to 16 significant digits without trailing zeros, or {@code null} for no values
     */
    public static BigDecimal of(Collection<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64).stripTrailingZeros();
        return mean.scale() < 0 ? mean.setScale(0) : mean;
    }
}
