package io.partnertiers.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.partnertiers.rules.Criterion;
import io.partnertiers.rules.Requirement;
import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.SourcePosition;
import io.partnertiers.rules.Tier;

/**
 * Threshold mutation: every threshold a program states is moved by its smallest step, one way and
 * the other ({@code @required(15)} becomes 16 and 14; {@code 4.2} becomes 4.3 and 4.1; {@code true}
 * becomes "must not hold"), and the scenarios are run against each mutant. A mutant no scenario
 * notices survives: nothing pins that boundary, and a change of that number would pass unnoticed.
 * Mutants differ from the program only in its ladder, so the compiled rules are shared, not rebuilt;
 * mutants that cannot change any answer (equivalent mutants) are not counted.
 */
final class BoundaryCoverage {

    /** One moved threshold and whether some scenario noticed. */
    record Mutant(String program, String tier, String criterion, String rule, SourcePosition at, String original,
            String mutated, String scenarioThatWouldKill, boolean killed) {

        /** The sentence a program manager reads about a surviving mutant. */
        String survivorMessage() {
            return "nothing tests " + tier + " " + criterion + " at " + original + ": the rules would pass with "
                    + mutated + " instead; a scenario with " + scenarioThatWouldKill + " would notice";
        }
    }

    record Result(List<Mutant> mutants) {

        int killed() {
            return (int) mutants.stream().filter(Mutant::killed).count();
        }

        List<Mutant> survivors() {
            return mutants.stream().filter(m -> !m.killed()).toList();
        }

        double percent() {
            return mutants.isEmpty() ? 100.0 : Math.floor(1000.0 * killed() / mutants.size()) / 10.0;
        }
    }

    private BoundaryCoverage() {
    }

    static Result run(Map<String, Ruleset> rulesets, List<Scenario> scenarios) {
        List<Scenario> passing = scenarios.stream().filter(s -> ScenarioRunner.passes(rulesets, s)).toList();
        List<Mutant> mutants = new ArrayList<>();
        for (Ruleset ruleset : rulesets.values().stream().sorted(java.util.Comparator.comparing(Ruleset::id)).toList()) {
            for (int t = 0; t < ruleset.tiers().size(); t++) {
                Tier tier = ruleset.tiers().get(t);
                List<Tier> below = ruleset.tiers().subList(0, t);
                for (int c = 0; c < tier.criteria().size(); c++) {
                    Criterion criterion = tier.criteria().get(c);
                    for (Candidate candidate : candidates(criterion)) {
                        if (isEquivalent(candidate.mutated(), below)) {
                            continue;
                        }
                        Ruleset mutant = replace(ruleset, tier, c, candidate.mutated());
                        Map<String, Ruleset> world = new HashMap<>(rulesets);
                        world.put(ruleset.id(), mutant);
                        boolean killed = passing.stream().anyMatch(s -> !ScenarioRunner.passes(world, s));
                        mutants.add(new Mutant(ruleset.id(), tier.id(), criterion.id(), candidate.rule(),
                                new SourcePosition(ruleset.id() + "/" + candidate.at().file(), candidate.at().line(),
                                        candidate.at().column()),
                                candidate.original(), candidate.changed(), candidate.wouldKill(), killed));
                    }
                }
            }
        }
        return new Result(List.copyOf(mutants));
    }

    /**
     * Whether a mutant can never change an answer: lowering a tier's "at least" to below what a tier
     * beneath it asks on the same criterion changes nothing, since the tier is only reached, or
     * shown as a gap, once the tier beneath is reached. (Raising an "at most" likewise.)
     */
    private static boolean isEquivalent(Criterion mutated, List<Tier> below) {
        if (!(mutated instanceof Criterion.Threshold threshold)) {
            return false;
        }
        for (Tier lower : below) {
            for (Criterion other : lower.criteria()) {
                if (!other.id().equals(mutated.id()) || !(other instanceof Criterion.Threshold lowerThreshold)) {
                    continue;
                }
                Requirement mine = threshold.requirement();
                Requirement theirs = lowerThreshold.requirement();
                if (mine instanceof Requirement.AtLeast a && theirs instanceof Requirement.AtLeast b
                        && b.threshold().compareTo(a.threshold()) >= 0) {
                    return true;
                }
                if (mine instanceof Requirement.AtMost a && theirs instanceof Requirement.AtMost b
                        && b.limit().compareTo(a.limit()) <= 0) {
                    return true;
                }
                if (mine instanceof Requirement.MustNotHold && theirs instanceof Requirement.MustHold) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A mutation of one criterion: where, from what to what, and which scenario would notice it. */
    private record Candidate(String rule, SourcePosition at, String original, String changed, String wouldKill,
            Criterion mutated) {
    }

    private static List<Candidate> candidates(Criterion criterion) {
        List<Candidate> found = new ArrayList<>();
        if (criterion instanceof Criterion.Threshold threshold) {
            for (Moved moved : moves(threshold.requirement())) {
                found.add(new Candidate(threshold.ruleName(), threshold.source(), moved.original(), moved.changed(),
                        moved.wouldKill(), new Criterion.Threshold(threshold.id(), threshold.description(),
                                moved.requirement(), threshold.ruleName(), threshold.source())));
            }
        } else if (criterion instanceof Criterion.AnyOf anyOf) {
            for (int t = 0; t < anyOf.tracks().size(); t++) {
                Criterion.Track track = anyOf.tracks().get(t);
                for (int p = 0; p < track.parts().size(); p++) {
                    Criterion.Part part = track.parts().get(p);
                    for (Moved moved : moves(part.requirement())) {
                        int trackIndex = t;
                        int partIndex = p;
                        found.add(new Candidate(part.ruleName(), part.source(), moved.original(), moved.changed(),
                                moved.wouldKill(), new Criterion.AnyOf(anyOf.id(), anyOf.description(),
                                        replace(anyOf.tracks(), trackIndex, tr -> new Criterion.Track(tr.name(),
                                                replace(tr.parts(), partIndex, pa -> new Criterion.Part(pa.ruleName(),
                                                        moved.requirement(), pa.source())))),
                                        anyOf.source())));
                    }
                }
            }
        } else {
            Criterion.Score score = (Criterion.Score) criterion;
            for (Moved moved : moves(new Requirement.AtLeast(score.bar()))) {
                found.add(new Candidate(score.barRule(), score.source(), moved.original() + " points",
                        moved.changed() + " points", moved.wouldKill() + " points",
                        new Criterion.Score(score.id(), score.description(),
                                ((Requirement.AtLeast) moved.requirement()).threshold(), score.minimumPoints(),
                                score.barRule(), score.paths(), score.source())));
            }
            for (int p = 0; p < score.paths().size(); p++) {
                Criterion.Path path = score.paths().get(p);
                for (int k = 0; k < path.components().size(); k++) {
                    Criterion.Component component = path.components().get(k);
                    for (Moved moved : moves(new Requirement.AtLeast(component.target()))) {
                        BigDecimal target = ((Requirement.AtLeast) moved.requirement()).threshold();
                        if (target.signum() == 0) {
                            continue;
                        }
                        int pathIndex = p;
                        int componentIndex = k;
                        found.add(new Candidate(component.ruleName(), component.source(),
                                "a target of " + moved.original(), "a target of " + moved.changed(),
                                "a " + component.id() + " value the two targets score differently",
                                new Criterion.Score(score.id(), score.description(), score.bar(), score.minimumPoints(),
                                        score.barRule(), replace(score.paths(), pathIndex, pa -> new Criterion.Path(
                                                pa.name(), replace(pa.components(), componentIndex,
                                                        co -> new Criterion.Component(co.id(), co.ruleName(),
                                                                co.maxPoints(), target, co.source())))),
                                        score.source())));
                    }
                }
            }
        }
        return found;
    }

    /** A threshold moved by one step: the requirement, and how a scenario would tell it from the original. */
    private record Moved(Requirement requirement, String original, String changed, String wouldKill) {
    }

    private static List<Moved> moves(Requirement requirement) {
        if (requirement instanceof Requirement.MustHold) {
            return List.of(new Moved(new Requirement.MustNotHold(), "true", "false", "the criterion met and one with it unmet"));
        }
        BigDecimal n = requirement instanceof Requirement.AtLeast atLeast ? atLeast.threshold()
                : ((Requirement.AtMost) requirement).limit();
        boolean atMost = requirement instanceof Requirement.AtMost;
        BigDecimal step = BigDecimal.ONE.movePointLeft(Math.max(0, n.scale()));
        List<Moved> moved = new ArrayList<>();
        String written = n.toPlainString();
        // at least N: N+step is caught by a scenario exactly at N, N-step by one just below it;
        // at most N: N-step by one exactly at N, N+step by one just above it
        BigDecimal up = n.add(step);
        moved.add(new Moved(atMost ? new Requirement.AtMost(up) : new Requirement.AtLeast(up), written,
                up.toPlainString(), atMost ? up.toPlainString() : written));
        BigDecimal down = n.subtract(step);
        if (down.signum() >= 0) {
            moved.add(new Moved(atMost ? new Requirement.AtMost(down) : new Requirement.AtLeast(down), written,
                    down.toPlainString(), atMost ? written : down.toPlainString()));
        }
        return moved;
    }

    private static Ruleset replace(Ruleset ruleset, Tier tier, int criterion, Criterion mutated) {
        List<Tier> tiers = ruleset.tiers().stream().map(t -> t != tier ? t : new Tier(t.id(), t.name(),
                t.entitlements(), replace(t.criteria(), criterion, c -> mutated))).toList();
        return new Ruleset(ruleset.id(), ruleset.name(), ruleset.version(), tiers, ruleset.metrics(),
                ruleset.measuresByRule(), ruleset.policy(), ruleset.kieBase(), ruleset.sessions());
    }

    private static <T> List<T> replace(List<T> items, int index, UnaryOperator<T> change) {
        List<T> copy = new ArrayList<>(items);
        copy.set(index, change.apply(copy.get(index)));
        return List.copyOf(copy);
    }

    /** Survivors grouped by the threshold they move, for one line each. */
    static Map<String, List<Mutant>> byThreshold(List<Mutant> survivors) {
        Map<String, List<Mutant>> grouped = new LinkedHashMap<>();
        survivors.forEach(m -> grouped.computeIfAbsent(m.at() + " " + m.rule(), k -> new ArrayList<>()).add(m));
        return grouped;
    }
}
