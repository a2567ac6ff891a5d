package io.partnertiers.evaluation;

import java.util.List;

/**
 * Why a partner stands where it does: per tier, the DRL rules that fired and, per criterion,
 * the rule that measured it (with its place in the rules folder) and the facts it counted.
 */
public record Explanation(List<TierExplanation> tiers) {

    public record TierExplanation(String tier, List<String> rulesFired, List<CriterionEvidence> criteria) {
    }

    public record CriterionEvidence(String criterion, String rule, String source, List<String> counted) {
    }
}
