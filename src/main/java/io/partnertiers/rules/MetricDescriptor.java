package io.partnertiers.rules;

import java.math.BigDecimal;

/**
 * A caller-computed number a program's rules read with {@code metric("key")}, as {@code program.yaml}
 * declares it under {@code metrics:}.
 *
 * @param whenMissing what a metric the caller did not submit counts as: {@code 0} (the default) or
 *        {@code unmet} (no value: every criterion measuring it is unmet)
 */
public record MetricDescriptor(String description, String unit, String whenMissing) {

    public static final String UNMET = "unmet";

    public MetricDescriptor {
        whenMissing = whenMissing == null ? "0" : whenMissing.trim();
    }

    /** @return null when the declaration is fine, otherwise what is wrong */
    String problem() {
        if (description == null || description.isBlank()) {
            return "needs a description";
        }
        return whenMissing.equals("0") || whenMissing.equals(UNMET) ? null
                : "whenMissing must be 0 or unmet, got '" + whenMissing + "'";
    }

    /** The value of a metric nobody submitted; null for "unmet". */
    public BigDecimal valueWhenMissing() {
        return whenMissing.equals(UNMET) ? null : BigDecimal.ZERO;
    }
}
