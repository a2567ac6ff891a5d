package io.partnertiers.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnertiers.evaluation.EvaluationResult;
import io.partnertiers.evaluation.Evaluator;
import io.partnertiers.evaluation.Gap;
import io.partnertiers.rules.Ruleset;

/** Runs scenarios against compiled programs and compares each answer with its expectation. */
public final class ScenarioRunner {

    private final Map<String, Ruleset> rulesets;
    private final Evaluator evaluator;
    private final Coverage coverage;

    public ScenarioRunner(Map<String, Ruleset> rulesets) {
        this.rulesets = rulesets;
        this.evaluator = new Evaluator(id -> Optional.ofNullable(rulesets.get(id)));
        this.coverage = new Coverage(rulesets);
    }

    Coverage coverage() {
        return coverage;
    }

    public ScenarioResult run(Scenario scenario) {
        long started = System.nanoTime();
        Ruleset ruleset = rulesets.get(scenario.program());
        List<String> failures = new ArrayList<>();
        if (ruleset == null) {
            failures.add("no program '" + scenario.program() + "' is loaded");
        } else {
            EvaluationResult answer = evaluator.evaluate(ruleset, scenario.partner(), scenario.asOf(), true,
                    scenario.previous());
            coverage.record(answer);
            compare(scenario.expect(), answer, failures);
        }
        return new ScenarioResult(scenario.program(), scenario.file(), scenario.line(), scenario.name(),
                failures.isEmpty(), (System.nanoTime() - started) / 1000, failures);
    }

    /** Whether the scenario passes against these programs, without recording coverage: for mutants. */
    static boolean passes(Map<String, Ruleset> rulesets, Scenario scenario) {
        Ruleset ruleset = rulesets.get(scenario.program());
        if (ruleset == null) {
            return false;
        }
        EvaluationResult answer = new Evaluator(id -> Optional.ofNullable(rulesets.get(id)))
                .evaluate(ruleset, scenario.partner(), scenario.asOf(), false, scenario.previous());
        List<String> failures = new ArrayList<>();
        compare(scenario.expect(), answer, failures);
        return failures.isEmpty();
    }

    private static void compare(JsonNode expect, EvaluationResult answer, List<String> failures) {
        expectEqual("segment", text(expect.get("segment")), answer.segment(), failures);
        expectEqual("nextSegment", text(expect.get("nextSegment")), answer.nextSegment(), failures);
        if (expect.has("gaps")) {
            List<String> expected = new ArrayList<>();
            for (JsonNode gap : expect.get("gaps")) {
                expected.add(describe(gap.path("criterion").asText(), gap.has("shortfall") ? gap.get("shortfall") : null,
                        answer));
            }
            List<String> actual = answer.gaps().stream().map(ScenarioRunner::printed).toList();
            if (!expected.equals(actual)) {
                failures.add("gaps: expected " + expected + ", got " + actual);
            }
        }
        if (expect.has("atRiskUntil")) {
            expectEqual("atRiskUntil", text(expect.get("atRiskUntil")),
                    answer.atRisk() == null ? null : answer.atRisk().until().toString(), failures);
        }
        if (expect.has("scores")) {
            expect.get("scores").fields().forEachRemaining(criterion -> criterion.getValue().fields()
                    .forEachRemaining(path -> expectEqual("scores." + criterion.getKey() + "." + path.getKey(),
                            path.getValue().asText(), scoreOf(answer, criterion.getKey(), path.getKey()), failures)));
        }
        if (expect.has("entitlements")) {
            List<String> expected = new ArrayList<>();
            expect.get("entitlements").forEach(e -> expected.add(e.asText()));
            if (!expected.equals(answer.entitlements())) {
                failures.add("entitlements: expected " + expected + ", got " + answer.entitlements());
            }
        }
    }

    /** The score of one path of a score criterion, in whichever tier it is, or null. */
    private static String scoreOf(EvaluationResult answer, String criterion, String path) {
        return answer.tiers().stream().flatMap(t -> t.criteria().stream())
                .filter(c -> c.criterion().equals(criterion) && c.paths() != null)
                .flatMap(c -> c.paths().stream()).filter(p -> p.path().equals(path))
                .map(p -> String.valueOf(p.score())).findFirst().orElse(null);
    }

    /** The expected gap as it would be printed; without a stated shortfall, the actual one is accepted. */
    private static String describe(String criterion, JsonNode shortfall, EvaluationResult answer) {
        if (shortfall == null) {
            return answer.gaps().stream().filter(g -> g.criterion().equals(criterion)).findFirst()
                    .map(ScenarioRunner::printed).orElse(criterion);
        }
        return criterion + " short by " + new BigDecimal(shortfall.asText()).stripTrailingZeros().toPlainString();
    }

    private static String printed(Gap gap) {
        return gap.criterion() + (gap.shortfall() == null ? ""
                : " short by " + gap.shortfall().stripTrailingZeros().toPlainString());
    }

    private static void expectEqual(String what, String expected, String actual, List<String> failures) {
        if (!Objects.equals(expected, actual)) {
            failures.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
