package io.partnertiers.validate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.partnertiers.evaluation.CriterionResult;
import io.partnertiers.evaluation.EvaluationResult;
import io.partnertiers.evaluation.Explanation;
import io.partnertiers.evaluation.TierResult;
import io.partnertiers.rules.Criterion;
import io.partnertiers.rules.Requirement;
import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.Tier;

/**
 * Which criterion outcomes the scenarios exercised: every criterion of every tier should be
 * seen both met and unmet, and every rule seen firing.
 */
final class Coverage {

    private final Set<String> all = new LinkedHashSet<>();
    /** Criteria asking for at least 0 of something: no partner can miss them, so "unmet" is not expected. */
    private final Set<String> alwaysMet = new LinkedHashSet<>();
    private final Set<String> rules = new LinkedHashSet<>();
    private final Set<String> seenMet = new LinkedHashSet<>();
    private final Set<String> seenUnmet = new LinkedHashSet<>();
    private final Set<String> fired = new LinkedHashSet<>();

    Coverage(Map<String, Ruleset> rulesets) {
        rulesets.values().stream().sorted(java.util.Comparator.comparing(Ruleset::id)).forEach(ruleset -> {
            for (Tier tier : ruleset.tiers()) {
                for (Criterion criterion : tier.criteria()) {
                    all.add(key(ruleset.id(), tier.id(), criterion.id()));
                    if (criterion instanceof Criterion.Threshold threshold
                            && threshold.requirement() instanceof Requirement.AtLeast atLeast
                            && atLeast.threshold().signum() == 0) {
                        alwaysMet.add(key(ruleset.id(), tier.id(), criterion.id()));
                    }
                    criterion.ruleNames().forEach(rule -> rules.add(ruleset.id() + ": " + rule));
                }
            }
        });
    }

    void record(EvaluationResult result) {
        for (TierResult tier : result.tiers()) {
            for (CriterionResult criterion : tier.criteria()) {
                (criterion.met() ? seenMet : seenUnmet).add(key(result.program(), tier.tier(), criterion.criterion()));
            }
        }
        if (result.explanation() != null) {
            for (Explanation.TierExplanation tier : result.explanation().tiers()) {
                tier.rulesFired().forEach(rule -> fired.add(result.program() + ": " + rule));
            }
        }
    }

    List<String> neverMet() {
        return all.stream().filter(k -> !seenMet.contains(k)).toList();
    }

    List<String> neverUnmet() {
        return all.stream().filter(k -> !seenUnmet.contains(k) && !alwaysMet.contains(k)).toList();
    }

    List<String> rulesNeverFired() {
        return rules.stream().filter(r -> !fired.contains(r)).toList();
    }

    /** Share of (criterion, met) and (criterion, unmet) outcomes seen, in percent. */
    double percent() {
        if (all.isEmpty()) {
            return 100.0;
        }
        return Math.floor(1000.0 * outcomesSeen() / outcomes()) / 10.0;
    }

    int outcomes() {
        return 2 * all.size() - alwaysMet.size();
    }

    int outcomesSeen() {
        return outcomes() - neverMet().size() - neverUnmet().size();
    }

    private static String key(String program, String tier, String criterion) {
        return program + "/" + tier + "/" + criterion;
    }
}
