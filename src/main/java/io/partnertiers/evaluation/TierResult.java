package io.partnertiers.evaluation;

import java.util.List;

/**
 * One tier of the ladder for one partner. {@code criteriaMet} looks at this tier alone;
 * {@code reached} also needs every tier below reached (gradual promotion).
 */
public record TierResult(String tier, String name, boolean reached, boolean criteriaMet, List<CriterionResult> criteria) {
}
