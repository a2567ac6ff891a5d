package io.partnertiers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles small program folders written by each test, the way a program manager's edit would arrive. */
class RulesetCompilerTest {

    static final String DESCRIPTOR = """
            name: Test program
            tiers:
              - id: BASIC
                name: Basic
                entitlements: [email-support]
              - id: ADVANCED
            criteria:
              certified-staff: People holding a valid certification
            """;

    static final String HEADER = """
            package rules.test_program;

            import io.partnertiers.facts.Partner;

            global io.partnertiers.evaluation.Scorecard scorecard;

            """;

    static String criterionRule(String name, String metadata, String measure) {
        return """
                rule "%s"
                    %s
                when
                    Partner( $actual : %s )
                then
                    scorecard.measured(drools, $actual);
                end
                """.formatted(name, metadata, measure);
    }

    static final String VALID_RULES = HEADER
            + criterionRule("Basic: staff", "@tier(\"BASIC\") @criterion(\"certified-staff\") @required(1)", "certifiedStaff")
            + "\n"
            + criterionRule("Advanced: staff", "@tier(\"ADVANCED\") @criterion(\"certified-staff\") @required(2.5)", "certifiedStaff");

    @TempDir
    Path rulesDir;

    private Path program(String descriptor, String drl) throws IOException {
        Path dir = Files.createDirectories(rulesDir.resolve("test-program"));
        if (descriptor != null) {
            Files.writeString(dir.resolve("program.yaml"), descriptor);
        }
        if (drl != null) {
            Files.writeString(dir.resolve("tiers.drl"), drl);
        }
        return dir;
    }

    private Ruleset compile(Path dir) {
        return new RulesetCompiler(getClass().getClassLoader()).compile(dir);
    }

    private List<Diagnostic> failures(Path dir) {
        return assertThrows(RulesetCompilationException.class, () -> compile(dir)).diagnostics();
    }

    @Test
    void shouldBuildTheLadderFromProgramYamlAndRuleMetadata() throws IOException {
        Ruleset ruleset = compile(program(DESCRIPTOR, VALID_RULES));

        assertEquals("test-program", ruleset.id());
        assertEquals("Test program", ruleset.name());
        assertEquals(List.of("BASIC", "ADVANCED"), ruleset.tiers().stream().map(Tier::id).toList());
        assertEquals("ADVANCED", ruleset.tiers().get(1).name(), "a tier without a name shows its id");
        assertEquals(List.of("email-support"), ruleset.tiers().get(0).entitlements());
        Criterion advanced = ruleset.tiers().get(1).criteria().get(0);
        assertEquals("certified-staff", advanced.id());
        assertEquals(new BigDecimal("2.5"), ((Criterion.Threshold) advanced).requirement().value());
        assertEquals("tiers.drl:15:1", advanced.source().toString());
    }

    @Test
    void shouldGiveTheSameVersionToTheSameRulesAndANewOneAfterAnEdit() throws IOException {
        Path dir = program(DESCRIPTOR, VALID_RULES);
        String first = compile(dir).version();
        assertEquals(first, compile(dir).version());

        Files.writeString(dir.resolve("tiers.drl"), VALID_RULES.replace("@required(1)", "@required(2)"));
        assertTrue(!first.equals(compile(dir).version()));
    }

    @Test
    void shouldReportADrlSyntaxErrorWithFileLineAndColumn() throws IOException {
        String broken = VALID_RULES.replace("Partner( $actual : certifiedStaff )\nthen\n    scorecard.measured(drools, $actual);\nend\n\nrule \"Advanced",
                "Partner( $actual : certifiedStaff \nthen\n    scorecard.measured(drools, $actual);\nend\n\nrule \"Advanced");

        List<Diagnostic> problems = failures(program(DESCRIPTOR, broken));

        Diagnostic first = problems.get(0);
        assertEquals("tiers.drl:11:1", first.position().toString(), problems.toString());
        assertEquals("Basic: staff", first.rule());
        assertTrue(first.toString().startsWith("tiers.drl:11:1: mismatched input 'then'"), first.toString());
    }

    @Test
    void shouldReportAMisspeltMeasureAtItsRule() throws IOException {
        List<Diagnostic> problems = failures(program(DESCRIPTOR, VALID_RULES.replace("certifiedStaff )", "certifiedStaf )")));

        assertEquals("tiers.drl:10:24", problems.get(0).position().toString(), problems.toString());
        assertEquals("Basic: staff", problems.get(0).rule());
        assertTrue(problems.get(0).message().contains("certifiedStaf"), problems.toString());
    }

    @Test
    void shouldTraceAnErrorInAConsequenceBackToTheDrl() throws IOException {
        String drl = HEADER + criterionRule("Basic: staff", "@tier(\"BASIC\") @criterion(\"certified-staff\") @required(1)",
                "certifiedStaff").replace("scorecard.measured(drools, $actual);", "scorecard.measure($actual);");

        List<Diagnostic> problems = failures(program(DESCRIPTOR.replace("  - id: ADVANCED\n", ""), drl));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("tiers.drl:12:5", problems.get(0).position().toString());
        assertEquals("Basic: staff", problems.get(0).rule());
        assertTrue(problems.get(0).message().contains("measure"), problems.toString());
    }

    @Test
    void shouldRequireTierCriterionAndRequiredOnEveryRule() throws IOException {
        List<Diagnostic> problems = failures(program(DESCRIPTOR, VALID_RULES.replace(" @required(1)", "")));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("tiers.drl:7:1", problems.get(0).position().toString());
        assertEquals("Basic: staff", problems.get(0).rule());
        assertTrue(problems.get(0).message().contains("@required"));
    }

    @Test
    void shouldRejectATierThatProgramYamlDoesNotDeclare() throws IOException {
        List<Diagnostic> problems = failures(program(DESCRIPTOR, VALID_RULES.replace("@tier(\"ADVANCED\")", "@tier(\"EXPERT\")")));

        assertTrue(problems.stream().anyMatch(d -> d.message().equals("tier 'EXPERT' is not declared in program.yaml")),
                problems.toString());
    }

    @Test
    void shouldRejectACriterionWithoutDescription() throws IOException {
        List<Diagnostic> problems = failures(program(DESCRIPTOR,
                VALID_RULES.replace("@tier(\"ADVANCED\") @criterion(\"certified-staff\")", "@tier(\"ADVANCED\") @criterion(\"staff\")")));

        assertTrue(problems.get(0).message().contains("criterion 'staff' has no description"), problems.toString());
    }

    @Test
    void shouldRejectTwoRulesForOneCriterionOfOneTier() throws IOException {
        List<Diagnostic> problems = failures(program(DESCRIPTOR,
                VALID_RULES.replace("@tier(\"ADVANCED\")", "@tier(\"BASIC\")")));

        assertTrue(problems.stream().anyMatch(d -> d.message().contains("already has a rule for criterion 'certified-staff'")),
                problems.toString());
    }

    @Test
    void shouldRejectATierWithoutCriteria() throws IOException {
        String oneTierOnly = HEADER + criterionRule("Basic: staff",
                "@tier(\"BASIC\") @criterion(\"certified-staff\") @required(1)", "certifiedStaff");

        List<Diagnostic> problems = failures(program(DESCRIPTOR, oneTierOnly));

        assertTrue(problems.stream().anyMatch(d -> d.message().contains("tier 'ADVANCED' has no criterion rule")),
                problems.toString());
        assertEquals("program.yaml:6:5", problems.get(0).position().toString());
    }

    @Test
    void shouldRejectARequiredValueThatIsNeitherANumberNorTrue() throws IOException {
        List<Diagnostic> problems = failures(program(DESCRIPTOR, VALID_RULES.replace("@required(1)", "@required(\"many\")")));

        assertEquals("tiers.drl:8:50", problems.get(0).position().toString(), problems.toString());
        assertTrue(problems.get(0).message().startsWith("@required(\"many\") is not allowed: write @required(N)"),
                problems.toString());
    }

    @Test
    void shouldRejectAMissingOrMalformedProgramYaml() throws IOException {
        assertTrue(failures(program(null, VALID_RULES)).get(0).toString().startsWith("program.yaml:"));

        List<Diagnostic> problems = failures(program("tiers: [\n  - id: BASIC\n", VALID_RULES));
        assertEquals("program.yaml", problems.get(0).position().file());
        assertTrue(problems.get(0).position().line() > 0);
    }

    @Test
    void shouldListEveryFailingProgramWhenLoadingTheRulesFolder() throws IOException {
        program(DESCRIPTOR, VALID_RULES.replace("certifiedStaff )", "certifiedStaff"));

        RulesetRegistry.Loaded loaded = RulesetRegistry.loadAll(rulesDir, new RulesetCompiler(getClass().getClassLoader()));

        assertEquals(1, loaded.failures().size());
        assertEquals("test-program", loaded.failures().get(0).programId());
        assertEquals("tiers.drl", loaded.failures().get(0).diagnostics().get(0).position().file());
        assertEquals(Map.of(), loaded.programs());
    }

    @Test
    void shouldLoadNothingFromAnEmptyRulesFolder() {
        RulesetRegistry.Loaded loaded = RulesetRegistry.loadAll(rulesDir, new RulesetCompiler(getClass().getClassLoader()));

        assertEquals(Map.of(), loaded.programs());
        assertEquals(List.of(), loaded.failures());
    }

    @Test
    void shouldRefuseAProgramWhoseCompileOverrunsItsTimeLimit() throws IOException {
        Path dir = program(DESCRIPTOR, VALID_RULES);

        RulesetCompilationException refused = assertThrows(RulesetCompilationException.class,
                () -> new RulesetCompiler(getClass().getClassLoader(), Duration.ofMillis(1)).compile(dir));

        assertEquals("test-program", refused.programId());
        assertTrue(refused.diagnostics().get(0).message().startsWith("compiling took longer than 1 ms, the limit set by"
                + " partner-tiers.rules.compile-timeout"), refused.diagnostics().toString());
    }

    @Test
    void shouldReportAFileThatIsNotUtf8OrTooLargeWithoutReadingIt() throws IOException {
        Path dir = program(DESCRIPTOR, null);
        Files.write(dir.resolve("tiers.drl"), new byte[] {'r', 'u', 'l', 'e', (byte) 0xFF});
        Files.writeString(dir.resolve("huge.drl"), "//" + "x".repeat(300_000));

        List<String> problems = failures(dir).stream().map(Diagnostic::toString).toList();

        assertEquals(List.of("huge.drl:1:1: has 300002 bytes; a rules file may have at most 262144: split the program",
                "tiers.drl:1:1: is not UTF-8 text: save it as UTF-8"), problems);
    }

    @Test
    void shouldRefuseAProgramFolderWhoseNameIsNotAnId() throws IOException {
        Path dir = Files.createDirectories(rulesDir.resolve("Evil\"Name"));

        RulesetCompilationException refused = assertThrows(RulesetCompilationException.class, () -> compile(dir));

        assertTrue(refused.diagnostics().get(0).message().startsWith("a program folder's name is its id"));
    }

    private static final String SCORED = DESCRIPTOR.replace("criteria:", """
            metrics:
              adds: { description: Net adds }
              deployments: { description: Deployments, whenMissing: unmet }
            criteria:""");

    private static String component(String name, String path, String id, int maxPoints, int target, String metric) {
        return criterionRule(name, "@tier(\"BASIC\") @criterion(\"certified-staff\") @path(\"%s\") @component(\"%s\")"
                .formatted(path, id) + " @maxPoints(" + maxPoints + ") @target(" + target + ")",
                "metric(\"" + metric + "\")");
    }

    private static String bar(String annotations) {
        return criterionRule("Basic: score", "@tier(\"BASIC\") @criterion(\"certified-staff\") " + annotations, "score");
    }

    private static final String ADVANCED = criterionRule("Advanced: staff",
            "@tier(\"ADVANCED\") @criterion(\"certified-staff\") @required(2)", "certifiedStaff");

    @Test
    void shouldAssembleAScoreFromItsBarAndComponentsInPathOrder() throws IOException {
        Ruleset ruleset = compile(program(SCORED, HEADER + bar("@required(25) @minimumPoints(1)")
                + component("A adds", "A", "adds", 20, 5, "adds") + component("A deployments", "A", "deployments", 10, 2, "deployments")
                + component("B adds", "B", "adds", 30, 10, "adds") + ADVANCED));

        Criterion.Score score = (Criterion.Score) ruleset.tiers().get(0).criteria().get(0);
        assertEquals(new BigDecimal("25"), score.bar());
        assertEquals(1, score.minimumPoints());
        assertEquals(List.of("A", "B"), score.paths().stream().map(Criterion.Path::name).toList());
        assertEquals(List.of(2, 1), score.paths().stream().map(p -> p.components().size()).toList());
        assertEquals(java.util.Set.of("deployments"), ruleset.metricsUnmetWhenMissing());
    }

    @Test
    void shouldRefuseScoresThatCannotWork() throws IOException {
        String twoComponents = component("A adds", "A", "adds", 20, 5, "adds")
                + component("A deployments", "A", "deployments", 10, 2, "deployments");
        assertEquals("a bar of 31 points is more than any path can score (at most 30)",
                failures(program(SCORED, HEADER + bar("@required(31)") + twoComponents + ADVANCED)).get(0).message());
        assertEquals("@minimumPoints(11) is more than a component can earn (the smallest @maxPoints is 10)",
                failures(program(SCORED, HEADER + bar("@required(3) @minimumPoints(11)") + twoComponents + ADVANCED))
                        .get(0).message());
        assertTrue(failures(program(SCORED, HEADER + twoComponents + ADVANCED)).get(0).message()
                .startsWith("the score 'certified-staff' of tier 'BASIC' needs exactly one rule measuring 'score'"));
        assertTrue(failures(program(SCORED, HEADER + bar("@required(3)") + ADVANCED)).get(0).message()
                .startsWith("the score 'certified-staff' of tier 'BASIC' has no component"));
        assertEquals("path 'A' already has a component 'adds'", failures(program(SCORED, HEADER + bar("@required(3)")
                + twoComponents + component("A adds again", "A", "adds", 20, 5, "adds") + ADVANCED)).get(0).message());
        assertTrue(failures(program(SCORED, HEADER + bar("@required(3)") + twoComponents
                + criterionRule("Basic: plain", "@tier(\"BASIC\") @criterion(\"certified-staff\") @required(1)",
                        "certifiedStaff") + ADVANCED)).get(0).message()
                .contains("is a score, so each of its rules is a component"));
    }

    @Test
    void shouldGroupTracksAndRefuseARuleWithoutOne() throws IOException {
        String trackA = criterionRule("Basic: A", "@tier(\"BASIC\") @criterion(\"certified-staff\") @track(\"A\") @required(3)",
                "certifiedStaff");
        String trackB = criterionRule("Basic: B", "@tier(\"BASIC\") @criterion(\"certified-staff\") @track(\"B\") @atMost(1)",
                "signedReferences");
        Criterion.AnyOf anyOf = (Criterion.AnyOf) compile(program(DESCRIPTOR, HEADER + trackA + trackB + ADVANCED))
                .tiers().get(0).criteria().get(0);
        assertEquals(List.of("A", "B"), anyOf.tracks().stream().map(Criterion.Track::name).toList());
        assertEquals("at-most", anyOf.tracks().get(1).parts().get(0).requirement().comparison());

        String untracked = criterionRule("Basic: C", "@tier(\"BASIC\") @criterion(\"certified-staff\") @required(1)",
                "certifiedStaff");
        assertEquals("criterion 'certified-staff' of tier 'BASIC' has alternatives (@track), so each of its rules names"
                + " its track", failures(program(DESCRIPTOR, HEADER + trackA + untracked + ADVANCED)).get(0).message());
    }

    @Test
    void shouldRefuseAMetricDeclarationThatSaysNothingOrTooMuch() throws IOException {
        String drl = HEADER + criterionRule("Basic: adds", "@tier(\"BASIC\") @criterion(\"certified-staff\") @required(1)",
                "metric(\"adds\")") + ADVANCED;
        assertEquals("metric 'adds' whenMissing must be 0 or unmet, got 'never'", failures(program(DESCRIPTOR.replace(
                "criteria:", "metrics:\n  adds: { description: Adds, whenMissing: never }\ncriteria:"), drl)).get(0).message());
        assertEquals("metric 'adds' needs a description", failures(program(DESCRIPTOR.replace(
                "criteria:", "metrics:\n  adds: { unit: customers }\ncriteria:"), drl)).get(0).message());
    }
}
