package io.partnertiers.audit;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A change of segment between two consecutive recorded decisions (by {@code asOf}).
 * {@code direction} is PROMOTION or DEMOTION by the program's current tier order.
 */
public record TierChange(LocalDate asOf,
        @Schema(description = "The tier before; null when the earlier decision reached none", nullable = true)
        String from,
        @Schema(description = "The tier after; null when this decision reached none", nullable = true)
        String to,
        Direction direction, String rulesetVersion, String evaluationId) {

    public enum Direction {
        PROMOTION, DEMOTION
    }
}
