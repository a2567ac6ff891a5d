package io.partnertiers.audit;

import java.time.LocalDate;

/**
 * A change of segment between two consecutive recorded decisions (by {@code asOf}).
 * {@code direction} is PROMOTION or DEMOTION by the program's current tier order.
 */
public record TierChange(LocalDate asOf, String from, String to, Direction direction, String rulesetVersion,
        String evaluationId) {

    public enum Direction {
        PROMOTION, DEMOTION
    }
}
