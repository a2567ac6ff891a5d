package io.partnertiers.evaluation;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An unmet criterion of the next tier. {@code shortfall} is {@code required - actual} for
 * numbers, and null for yes/no criteria and for averages over no items.
 */
public record Gap(
        String tier,
        String criterion,
        String description,
        @Schema(description = "A number (at least this much) or true (must hold)", oneOf = {BigDecimal.class, Boolean.class})
        Object required,
        @Schema(description = "The measured value: a number, a boolean, or null for an average over no items",
                oneOf = {BigDecimal.class, Boolean.class}, nullable = true)
        Object actual,
        @Schema(description = "required - actual for numbers; null for yes/no criteria and averages over no items",
                nullable = true)
        BigDecimal shortfall) {
}
