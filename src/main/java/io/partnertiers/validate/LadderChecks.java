package io.partnertiers.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.partnertiers.rules.Criterion;
import io.partnertiers.rules.Requirement;
import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.Tier;

/**
 * Checks of a ladder that need no scenario: a higher tier must not ask less than a tier below it
 * on a criterion both share, or reaching the lower tier would be the harder step. (The rest, a
 * criterion measured but not described, described but not measured, decided twice in one tier, a
 * tier without rules, is refused when the program loads.)
 */
final class LadderChecks {

    private LadderChecks() {
    }

    static List<Finding> of(Ruleset ruleset) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Asked> highestBelow = new HashMap<>();
        for (Tier tier : ruleset.tiers()) {
            for (Criterion criterion : tier.criteria()) {
                Asked asked = Asked.of(criterion);
                if (asked == null) {
                    continue;
                }
                Asked below = highestBelow.get(criterion.id());
                if (below != null && below.atMost() == asked.atMost() && asked.isEasierThan(below)) {
                    findings.add(new Finding("PT-LADDER-ORDER", "warning", ruleset.id() + "/" + criterion.source().file(),
                            criterion.source().line(), criterion.source().column(), tier.id() + " asks "
                                    + asked.describe() + " for " + criterion.id() + ", less than the " + below.describe()
                                    + " of " + below.tier() + " below it: a partner at " + below.tier()
                                    + " already meets it", criterion.ruleNames().get(0)));
                }
                if (below == null || !asked.isEasierThan(below)) {
                    highestBelow.put(criterion.id(), asked.in(tier.id()));
                }
            }
        }
        return findings;
    }

    /** What a criterion asks, where one number says it: at least (or at most) this much. */
    private record Asked(BigDecimal amount, boolean atMost, String tier) {

        static Asked of(Criterion criterion) {
            if (criterion instanceof Criterion.Threshold threshold) {
                if (threshold.requirement() instanceof Requirement.AtLeast atLeast) {
                    return new Asked(atLeast.threshold(), false, null);
                }
                if (threshold.requirement() instanceof Requirement.AtMost atMost) {
                    return new Asked(atMost.limit(), true, null);
                }
            }
            if (criterion instanceof Criterion.Score score) {
                return new Asked(score.bar(), false, null);
            }
            return null;
        }

        Asked in(String tierId) {
            return new Asked(amount, atMost, tierId);
        }

        boolean isEasierThan(Asked other) {
            return atMost ? amount.compareTo(other.amount) > 0 : amount.compareTo(other.amount) < 0;
        }

        String describe() {
            return (atMost ? "at most " : "at least ") + amount.toPlainString();
        }
    }
}
