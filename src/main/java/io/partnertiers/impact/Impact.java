package io.partnertiers.impact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import io.partnertiers.evaluation.CriterionResult;
import io.partnertiers.evaluation.EvaluationResult;
import io.partnertiers.evaluation.TierResult;
import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.Tier;

/** Compares one partner's answers under the base and the changed rules, and adds them up. */
final class Impact {

    /** One line's outcome: skipped with a reason, or both answers. */
    record Outcome(int line, String skipped, ImpactRequest request, EvaluationResult before, EvaluationResult after) {
    }

    private final Map<String, Ruleset> base;
    private final Map<String, Ruleset> rules;
    private final Map<String, Map<String, Integer>> matrix = new TreeMap<>();
    private final List<PartnerChange> changes = new ArrayList<>();
    private final List<ImpactReport.SkippedLine> skipped = new ArrayList<>();
    private int partners;
    private int promoted;
    private int demoted;

    Impact(Map<String, Ruleset> base, Map<String, Ruleset> rules) {
        this.base = base;
        this.rules = rules;
    }

    /** Thread-safe: reads the rulesets only. */
    Outcome evaluate(int line, Object parsed) {
        if (!(parsed instanceof ImpactRequest request)) {
            return new Outcome(line, (String) parsed, null, null, null);
        }
        if (!base.containsKey(request.program()) || !rules.containsKey(request.program())) {
            return new Outcome(line, "program '" + request.program() + "' is not in "
                    + (base.containsKey(request.program()) ? "--rules" : "--base"), null, null, null);
        }
        Set<String> consulted = new HashSet<>();
        EvaluationResult before = ImpactCommand.evaluate(base, request, consulted);
        // the same compiled programs answer the same facts alike: one evaluation serves both sides
        boolean unchanged = consulted.stream().allMatch(id -> base.get(id) == rules.get(id));
        return new Outcome(line, null, request, before,
                unchanged ? before : ImpactCommand.evaluate(rules, request, new HashSet<>()));
    }

    /** Called in line order. */
    void add(Outcome outcome) {
        if (outcome.skipped() != null) {
            skipped.add(new ImpactReport.SkippedLine(outcome.line(), outcome.skipped()));
            return;
        }
        partners++;
        String program = outcome.request().program();
        String before = outcome.before().segment();
        String after = outcome.after().segment();
        matrix.computeIfAbsent(program, p -> new LinkedHashMap<>())
                .merge(name(before) + " -> " + name(after), 1, Integer::sum);
        if (Objects.equals(before, after)) {
            return;
        }
        boolean up = rank(base.get(program), before) < rank(rules.get(program), after);
        if (up) {
            promoted++;
        } else {
            demoted++;
        }
        changes.add(new PartnerChange(outcome.line(), program, outcome.request().partner().partnerId(),
                outcome.request().asOf(), before, after,
                up ? PartnerChange.Direction.PROMOTION : PartnerChange.Direction.DEMOTION,
                moved(outcome.before(), outcome.after())));
    }

    ImpactReport report(String baseName, String rulesName) {
        return new ImpactReport(baseName, rulesName, partners, changes.size(), promoted, demoted, matrix,
                List.copyOf(changes), List.copyOf(skipped));
    }

    private static String name(String segment) {
        return segment == null ? "none" : segment;
    }

    private static int rank(Ruleset ruleset, String segment) {
        List<Tier> tiers = ruleset.tiers();
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).id().equals(segment)) {
                return i;
            }
        }
        return -1;
    }

    /** The criteria whose required value, measured value or outcome differ, tier by tier. */
    private static List<PartnerChange.CriterionMove> moved(EvaluationResult before, EvaluationResult after) {
        List<PartnerChange.CriterionMove> moves = new ArrayList<>();
        Map<String, CriterionResult> was = new LinkedHashMap<>();
        for (TierResult tier : before.tiers()) {
            tier.criteria().forEach(c -> was.put(tier.tier() + "/" + c.criterion(), c));
        }
        for (TierResult tier : after.tiers()) {
            for (CriterionResult now : tier.criteria()) {
                CriterionResult then = was.remove(tier.tier() + "/" + now.criterion());
                if (then == null) {
                    moves.add(new PartnerChange.CriterionMove(tier.tier(), now.criterion(), null, now.required(), null,
                            now.actual(), false, now.met()));
                } else if (then.met() != now.met() || !same(then.required(), now.required())
                        || !same(then.actual(), now.actual())) {
                    moves.add(new PartnerChange.CriterionMove(tier.tier(), now.criterion(), then.required(),
                            now.required(), then.actual(), now.actual(), then.met(), now.met()));
                }
            }
        }
        was.forEach((key, then) -> moves.add(new PartnerChange.CriterionMove(key.substring(0, key.indexOf('/')),
                then.criterion(), then.required(), null, then.actual(), null, then.met(), false)));
        return moves;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }
}
