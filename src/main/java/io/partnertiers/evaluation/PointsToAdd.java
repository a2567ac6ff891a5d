package io.partnertiers.evaluation;

import java.math.BigDecimal;

/** A step toward a score: adding {@code units} to a component earns it {@code points} more. */
public record PointsToAdd(String component, BigDecimal units, int points) {
}
