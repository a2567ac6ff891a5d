package io.partnertiers.evaluation;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a partner fares on one criterion of one tier. {@code actual} is null when nothing could be measured. */
public record CriterionResult(
        String criterion,
        String description,
        @Schema(description = "A number (at least this much) or true (must hold)", oneOf = {BigDecimal.class, Boolean.class})
        Object required,
        @Schema(description = "The measured value: a number, a boolean, or null for an average over no items",
                oneOf = {BigDecimal.class, Boolean.class}, nullable = true)
        Object actual,
        boolean met) {
}
