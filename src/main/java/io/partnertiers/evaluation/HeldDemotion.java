package io.partnertiers.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.Tier;
import io.partnertiers.rules.TierPolicy;

/**
 * Applies a program's {@link TierPolicy}: when the facts fall below the tier a partner was last
 * answered with, it keeps that tier, at risk, until the policy lets the demotion take effect.
 * Promotions always take effect at once.
 */
final class HeldDemotion {

    private HeldDemotion() {
    }

    record Held(Ladder.Outcome outcome, AtRisk atRisk) {
    }

    /** @return the outcome to answer with, and what is at risk; {@code atRisk} is null when nothing is held */
    static Held apply(Ruleset ruleset, Ladder.Outcome rules, PriorStanding prior, LocalDate asOf) {
        TierPolicy policy = ruleset.policy();
        if (!policy.holdsDemotions() || prior == null || prior.segment() == null) {
            return new Held(rules, null);
        }
        List<Tier> tiers = ruleset.tiers();
        int kept = Ladder.rank(tiers, prior.segment());
        int reached = Ladder.rank(tiers, rules.segment());
        if (kept < 0 || reached >= kept) {
            return new Held(rules, null);
        }
        LocalDate since = prior.atRiskSince() != null ? prior.atRiskSince() : asOf;
        LocalDate until = policy.demotionTakesEffect(since);
        if (!asOf.isBefore(until)) {
            return new Held(rules, null);
        }
        List<Gap> toKeep = new ArrayList<>();
        for (int i = reached + 1; i <= kept; i++) {
            toKeep.addAll(rules.unmetByTier().get(tiers.get(i).id()));
        }
        Tier keptTier = tiers.get(kept);
        Tier next = kept + 1 < tiers.size() ? tiers.get(kept + 1) : null;
        Ladder.Outcome held = new Ladder.Outcome(keptTier.id(), next == null ? null : next.id(),
                next == null ? List.of() : rules.unmetByTier().get(next.id()), rules.tiers(), keptTier.entitlements(),
                rules.unmetByTier());
        return new Held(held, new AtRisk(rules.segment(), since, until, policy.describe(),
                keptTier.id() + " at risk until " + until, List.copyOf(toKeep)));
    }
}
