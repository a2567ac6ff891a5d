package io.partnertiers.evaluation;

import java.math.BigDecimal;

/**
 * An unmet criterion of the next tier. {@code shortfall} is {@code required - actual} for
 * numbers, and null for yes/no criteria and for averages over no items.
 */
public record Gap(String tier, String criterion, String description, Object required, Object actual,
        BigDecimal shortfall) {
}
