package io.partnertiers.evaluation;

import java.util.ArrayList;
import java.util.List;

import io.partnertiers.rules.Criterion;
import io.partnertiers.rules.Measured;
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

    record Outcome(String segment, String nextSegment, List<Gap> gaps, List<TierResult> tiers, List<String> entitlements) {
    }

    static Outcome climb(Ruleset ruleset, Scorecard scorecard) {
        List<TierResult> results = new ArrayList<>();
        Tier segment = null;
        Tier next = null;
        List<Gap> gaps = List.of();
        boolean stillClimbing = true;
        for (Tier tier : ruleset.tiers()) {
            List<CriterionResult> criteria = new ArrayList<>();
            List<Gap> unmet = new ArrayList<>();
            for (Criterion criterion : tier.criteria()) {
                Object actual = Measured.normalise(scorecard.actualOf(criterion.ruleName()));
                boolean met = scorecard.hasMeasured(criterion.ruleName()) && criterion.requirement().isMetBy(actual);
                Object required = criterion.requirement().value();
                criteria.add(new CriterionResult(criterion.id(), criterion.description(), required, actual, met));
                if (!met) {
                    unmet.add(new Gap(tier.id(), criterion.id(), criterion.description(), required, actual,
                            criterion.requirement().shortfall(actual)));
                }
            }
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
                List.copyOf(results), segment == null ? List.of() : segment.entitlements());
    }
}
