package io.partnertiers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule checker's grammar, piece by piece: what passes, and what is refused with which message. */
class RuleCheckerTest {

    private static final String HEADER = """
            package rules.mini;

            import io.partnertiers.facts.Partner;

            global io.partnertiers.evaluation.Scorecard scorecard;
            """;

    private static String rule(String condition, String consequence) {
        return HEADER + """

                rule "Basic: staff"
                    @tier("BASIC") @criterion("staff") @required(1)
                when
                    %s
                then
                    %s
                end
                """.formatted(condition, consequence);
    }

    private static List<Diagnostic> check(String drl) {
        return new RuleChecker().check("mini", Map.of("tiers.drl", drl));
    }

    private static Diagnostic onlyProblem(String drl) {
        List<Diagnostic> problems = check(drl);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void shouldAcceptEveryShippedRulesFile() throws IOException {
        try (Stream<Path> programs = Files.list(Path.of("rules")).filter(Files::isDirectory)) {
            for (Path program : programs.toList()) {
                Map<String, String> drl = new LinkedHashMap<>();
                try (Stream<Path> files = Files.list(program)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                        drl.put(file.getFileName().toString(), Files.readString(file));
                    }
                }
                Set<String> metrics = new ObjectMapper(new YAMLFactory())
                        .readValue(program.resolve("program.yaml").toFile(), ProgramDescriptor.class).metrics().keySet();
                assertEquals(List.of(), new RuleChecker(metrics).check(program.getFileName().toString(), drl),
                        program.toString());
            }
        }
    }

    @Test
    void shouldAcceptMeasuresWithTheirArgumentsAndComments() {
        assertEquals(List.of(), check("// the roles that count\n" + rule(
                "Partner( $actual : peopleWithRoleCertifiedAs(\"CSM\", \"PROCTORED_EXAM\", \"SELF_PACED\") )",
                "scorecard.measured(drools, $actual);")));
        assertEquals(List.of(), check(rule("Partner( $actual : successPlansOnTime( 90 ) )",
                "scorecard.measured( drools ,  $actual ) ;")));
    }

    @Test
    void shouldNameTheClosestMeasureWhenOneIsMisspelt() {
        Diagnostic problem = onlyProblem(rule("Partner( $actual : certifiedStaf )", "scorecard.measured(drools, $actual);"));

        assertEquals("tiers.drl:10:24", problem.position().toString());
        assertTrue(problem.message().startsWith("unknown measure 'certifiedStaf' (did you mean certifiedStaff?);"
                + " the measures are: agreementSigned, "), problem.message());
        assertEquals("Basic: staff", problem.rule());
    }

    @Test
    void shouldCheckTheArgumentsOfAMeasureByCountAndType() {
        assertTrue(onlyProblem(rule("Partner( $actual : successPlansOnTime )", "scorecard.measured(drools, $actual);"))
                .message().equals("'successPlansOnTime' needs arguments: write successPlansOnTime(number)"));
        assertTrue(onlyProblem(rule("Partner( $actual : successPlansOnTime(\"90\") )", "scorecard.measured(drools, $actual);"))
                .message().startsWith("argument 1 of 'successPlansOnTime': expected a whole number from 0 to 1000000"));
        assertTrue(onlyProblem(rule("Partner( $actual : successPlansOnTime(90, 91) )", "scorecard.measured(drools, $actual);"))
                .message().startsWith("'successPlansOnTime' takes 1 argument(s), got 2"));
        assertTrue(onlyProblem(rule("Partner( $actual : certifiedStaff() )", "scorecard.measured(drools, $actual);"))
                .message().equals("'certifiedStaff' takes no arguments: write certifiedStaff"));
        assertTrue(onlyProblem(rule("Partner( $actual : peopleWithRoleCertifiedAs(\"CSM\") )",
                "scorecard.measured(drools, $actual);")).message().startsWith("'peopleWithRoleCertifiedAs' takes at least 2"));
        assertTrue(onlyProblem(rule("Partner( $actual : peopleWithRole(\"C;S M\") )", "scorecard.measured(drools, $actual);"))
                .message().startsWith("argument 1 of 'peopleWithRole': a text argument holds 1 to 64 letters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Partner( $actual : certifiedStaff > 3 )", "Partner( $actual : certifiedStaff.class )",
            "Partner( $x : certifiedStaff )", "Partner( $actual : 'staff' )", "Partner( $actual : certifiedStaff, $y : x )",
"Partner( $actual : vendorPartnerLevelIn(GOLD) )"})
    void shouldRefuseAnyConstraintOutsideTheGrammar(String condition) {
        List<Diagnostic> problems = check(rule(condition, "scorecard.measured(drools, $actual);"));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(10, problems.get(0).position().line(), problems.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"scorecard.measured(drools, $actual); scorecard.measured(drools, $actual);",
            "scorecard.measured(kcontext, $actual);", "scorecard.measured(drools, $actual); // done",
            "scorecard.measured(drools, 1);", "if (true) scorecard.measured(drools, $actual);", "{ }"})
    void shouldRefuseAnyConsequenceButTheOneStatement(String consequence) {
        Diagnostic problem = onlyProblem(rule("Partner( $actual : certifiedStaff )", consequence));

        assertEquals("tiers.drl:12:5", problem.position().toString());
        assertTrue(problem.message().startsWith("the consequence must be exactly 'scorecard.measured(drools, $actual);'"),
                problem.message());
    }

    @Test
    void shouldRequireTheAnnotationsAsLiteralsOfTheirKind() {
        String drl = rule("Partner( $actual : certifiedStaff )", "scorecard.measured(drools, $actual);");

        assertTrue(onlyProblem(drl.replace("@required(1)", "@required(1.1234567)")).message()
                .startsWith("@required(1.1234567) is not allowed"));
        assertTrue(onlyProblem(drl.replace("@tier(\"BASIC\")", "@tier(BASIC)")).message()
                .startsWith("@tier(BASIC) is not allowed"));
        assertTrue(onlyProblem(drl.replace(" @criterion(\"staff\")", "")).message().startsWith("missing @criterion"));
        assertTrue(onlyProblem(drl.replace("@required(1)", "@required(1) @salience(10)")).message()
                .startsWith("annotation @salience is not allowed"));
    }

    @Test
    void shouldAcceptAtMostTracksScoreComponentsAndTheirBar() {
        String drl = rule("Partner( $actual : certifiedStaff )", "scorecard.measured(drools, $actual);");

        assertEquals(List.of(), check(drl.replace("@required(1)", "@atMost(2.5)")));
        assertEquals(List.of(), check(drl.replace("@required(1)", "@required(1) @track(\"Staff, or (else) 2 apps\")")));
        assertEquals(List.of(), check(drl.replace("@required(1)",
                "@path(\"ENTERPRISE\") @component(\"staff\") @maxPoints(20) @target(5)")));
        assertEquals(List.of(), check(drl.replace("@required(1)", "@required(70) @minimumPoints(1)")
                .replace("certifiedStaff", "score")));
    }

    @Test
    void shouldHoldEachKindOfRuleToItsOwnAnnotations() {
        String drl = rule("Partner( $actual : certifiedStaff )", "scorecard.measured(drools, $actual);");

        assertTrue(onlyProblem(drl.replace("@required(1)", "@atMost(true)")).message()
                .startsWith("@atMost(true) is not allowed: write @atMost(N)"));
        assertTrue(onlyProblem(drl.replace("@required(1)", "@required(1) @atMost(2)")).message()
                .startsWith("a rule has either @required (at least) or @atMost (at most)"));
        assertTrue(onlyProblem(drl.replace("@required(1)", "@required(1) @target(5)")).message()
                .startsWith("@target does not belong in a criterion rule"));
        assertTrue(onlyProblem(drl.replace("@required(1)", "@required(1) @minimumPoints(1)")).message()
                .startsWith("@minimumPoints does not belong in a criterion rule"));
        assertTrue(onlyProblem(drl.replace("@required(1)", "@path(\"A\") @component(\"c\") @maxPoints(20)"))
                .message().startsWith("missing @target: a scored component states"));
        assertTrue(onlyProblem(drl.replace("@required(1)",
                "@path(\"A\") @component(\"c\") @maxPoints(20) @target(5) @required(3)")).message()
                .startsWith("@required does not belong in a scored component"));
        assertTrue(onlyProblem(drl.replace("@required(1)", "@path(\"A\") @component(\"c\") @maxPoints(2.5) @target(5)"))
                .message().startsWith("@maxPoints(2.5) is not allowed: write @maxPoints(N) with a whole number"));
        assertTrue(onlyProblem(drl.replace("@required(1)", "@minimumPoints(1)").replace("certifiedStaff", "score"))
                .message().startsWith("missing @required: the rule measuring 'score'"));
        assertTrue(onlyProblem(drl.replace("@required(1)", "@required(1) @required(2)")).message()
                .startsWith("@required is given twice"));
        assertTrue(onlyProblem(drl.replace("@required(1)", "@required(1) @track(\"a\\\" + x + \\\"\")")).message()
                .contains("is not allowed: write @track(\"name\")"));
    }

    @Test
    void shouldPointAtAStrayLineRightAfterTheRuleNameNotWhereTheParserNoticedIt() {
        String drl = rule("Partner( $actual : certifiedStaff )", "scorecard.measured(drools, $actual);");

        for (String stray : List.of("    @", "    salience", "    @tier(\"BASIC\"", "    this is wrong")) {
            Diagnostic problem = onlyProblem(drl.replace("rule \"Basic: staff\"\n", "rule \"Basic: staff\"\n" + stray + "\n"));
            assertEquals("tiers.drl:8:5", problem.position().toString(), stray);
            assertTrue(problem.message().startsWith("expected only annotations such as @tier(\"…\") between the rule's"
                    + " name and 'when', found '" + stray.strip() + "'"), problem.message());
            assertEquals("Basic: staff", problem.rule());
        }
    }

    @Test
    void shouldReadOnlyTheMetricsTheProgramDeclares() {
        String drl = rule("Partner( $actual : metric(\"deployments\") )", "scorecard.measured(drools, $actual);");

        assertEquals(List.of(), new RuleChecker(Set.of("deployments")).check("mini", Map.of("tiers.drl", drl)));
        List<Diagnostic> undeclared = new RuleChecker(Set.of("netAdds")).check("mini", Map.of("tiers.drl", drl));
        assertEquals(1, undeclared.size(), undeclared.toString());
        assertEquals("metric 'deployments' is not declared under 'metrics:' in program.yaml; declared: netAdds",
                undeclared.get(0).message());
    }

    @Test
    void shouldAllowOnlyTheThreeOpeningLines() {
        String drl = rule("Partner( $actual : certifiedStaff )", "scorecard.measured(drools, $actual);");

        assertEquals("tiers.drl:1:1", onlyProblem(drl.replace("package rules.mini;", "package rules.other;"))
                .position().toString());
        assertTrue(onlyProblem(drl.replace("import io.partnertiers.facts.Partner;", "")).message()
                .startsWith("no import of io.partnertiers.facts.Partner is not allowed"));
        assertTrue(onlyProblem(drl.replace("scorecard;", "scorecard;\nglobal java.util.List all;")).message()
                .startsWith("global java.util.List all is not allowed"));
    }

    @Test
    void shouldReportEveryProblemOfEveryFileAtOnce() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a.drl", rule("Partner( $actual : certifiedStaf )", "scorecard.measured(drools, $actual);"));
        files.put("b.drl", rule("eval(true)", "System.exit(1);"));

        List<String> where = new ArrayList<>();
        new RuleChecker().check("mini", files).forEach(d -> where.add(d.position().toString()));

        assertEquals(List.of("a.drl:10:24", "b.drl:10:5", "b.drl:12:5"), where);
    }

    @Test
    void shouldReadAMeasureExpressionAndRejectAnythingElseWhereItStands() throws MeasureExpression.Rejected {
        MeasureExpression.Call call = MeasureExpression.parse(" $actual : longestAdoptionStreak( \"0.60\" ) ");
        assertEquals("longestAdoptionStreak", call.measure());
        assertEquals(List.of(new MeasureExpression.Literal(true, "0.60", "\"0.60\"")), call.arguments());

        assertEquals(27, assertThrows(MeasureExpression.Rejected.class,
                () -> MeasureExpression.parse("$actual : certifiedStaff || true")).offset() + 2);
        assertEquals(0, assertThrows(MeasureExpression.Rejected.class,
                () -> MeasureExpression.parse("$actualx : certifiedStaff")).offset());
    }

    @Test
    void shouldListMeasuresFromPartnerAlone() {
        MeasureVocabulary vocabulary = MeasureVocabulary.PARTNER;

        assertTrue(vocabulary.find("certifiedStaff").orElseThrow().property());
        assertEquals("reaches(\"…\", \"…\")", vocabulary.find("reaches").orElseThrow().usage());
        assertTrue(vocabulary.find("asOf").isEmpty(), "not a measure: returns a date");
        assertTrue(vocabulary.find("getCertifiedStaff").isEmpty(), "getters are written as properties");
        assertEquals(3, MeasureVocabulary.editDistance("certifiedStaf", "certifiedStaff") + 2);
    }

    @Test
    void shouldAllowPrintableCharactersOnly() {
        assertTrue(SourceCharacters.isAllowed('é'));
        assertTrue(SourceCharacters.isAllowed('€'));
        assertTrue(SourceCharacters.isAllowed('\t'));
        for (int refused : new int[] {0, 0x7F, 0x1B, 0x200B, 0x202E, 0x2066, 0xFEFF, 0x2028, 0xA0, 0xE000}) {
            assertTrue(!SourceCharacters.isAllowed(refused), Integer.toHexString(refused));
        }
        List<Diagnostic> problems = new ArrayList<>();
        assertTrue(!SourceCharacters.check("x.drl", "ok\n// \\uuuu0041\n", problems));
        assertTrue(problems.get(0).toString().startsWith("x.drl:2:4: unicode escape '\\uuuu0041'"), problems.toString());
        assertNull(problems.get(0).rule());
    }
}
