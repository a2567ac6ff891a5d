package io.partnertiers.evaluation;

import java.time.LocalDate;

/**
 * Where a partner stood in a program at its last recorded decision before the one being made: what
 * a tier policy needs to hold a demotion back.
 *
 * @param segment the tier it was answered with
 * @param atRiskSince when it first fell short of that tier, if it was held there at risk
 */
public record PriorStanding(LocalDate asOf, String segment, LocalDate atRiskSince) {
}
