package io.partnertiers.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.partnertiers.rules.Criterion;
import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.Tier;

/**
 * The shared ladder logic, written once for every program: a tier is reached when its own
 * criteria and those of every tier below are met; the segment is the highest tier reached,
 * the gaps are the unmet criteria of the tier right above it.
 */
final class Ladder {

    private Ladder() {
    }

    /** @param unmetByTier every tier's unmet criteria, as gaps, by tier id */
    record Outcome(String segment, String nextSegment, List<Gap> gaps, List<TierResult> tiers, List<String> entitlements,
            Map<String, List<Gap>> unmetByTier) {
    }

    static Outcome climb(Ruleset ruleset, Scorecard scorecard) {
        List<TierResult> results = new ArrayList<>();
        Tier segment = null;
        Tier next = null;
        List<Gap> gaps = List.of();
        boolean stillClimbing = true;
        Map<String, List<Gap>> unmetByTier = new HashMap<>();
        for (Tier tier : ruleset.tiers()) {
            List<CriterionResult> criteria = new ArrayList<>();
            List<Gap> unmet = new ArrayList<>();
            for (Criterion criterion : tier.criteria()) {
                Assessment assessment = Assessment.of(tier.id(), criterion, scorecard);
                criteria.add(assessment.result());
                if (assessment.gap() != null) {
                    unmet.add(assessment.gap());
                }
            }
            unmetByTier.put(tier.id(), List.copyOf(unmet));
            boolean reached = stillClimbing && unmet.isEmpty();
            if (reached) {
                segment = tier;
            } else if (stillClimbing) {
                next = tier;
                gaps = List.copyOf(unmet);
                stillClimbing = false;
            }
            results.add(new TierResult(tier.id(), tier.name(), reached, unmet.isEmpty(), List.copyOf(criteria)));
        }
        return new Outcome(segment == null ? null : segment.id(), next == null ? null : next.id(), gaps,
                List.copyOf(results), segment == null ? List.of() : segment.entitlements(), unmetByTier);
    }

    /** A tier's place in the ladder, the lowest 0; -1 for no tier (or one the ladder does not have). */
    static int rank(List<Tier> tiers, String segment) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).id().equals(segment)) {
                return i;
            }
        }
        return -1;
    }
}
