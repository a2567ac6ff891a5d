package io.partnertiers.evaluation;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The points one component of a path earns: floor(maxPoints × min(actual, target) / target). */
public record ComponentPoints(
        String component,
        @Schema(description = "The measured value; null when the metric was not submitted and counts as unmet",
                nullable = true)
        BigDecimal actual,
        BigDecimal target,
        int maxPoints,
        int points) {
}
