package io.partnertiers.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnertiers.RuleFolders;

/** The validate command on small rule folders, one per failure class, and on the shipped rules. */
class ValidateCommandTest {

    private static final String FIXTURES = "src/test/resources/validate/";

    private record Outcome(int exit, String output) {
    }

    private Outcome validate(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new ValidateCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8), getClass().getClassLoader())
                .run(args);
        return new Outcome(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldPassAGoodFolderWithFullCoverage() {
        Outcome outcome = validate(FIXTURES + "good", "--min-coverage", "100");

        assertEquals(0, outcome.exit(), outcome.output());
        assertTrue(outcome.output().contains("mini/tests/ladder.yaml:1: Nobody certified: PASS ("), outcome.output());
        assertTrue(outcome.output().contains("coverage: 100.0% (4 of 4 criterion outcomes seen)"), outcome.output());
        assertTrue(outcome.output().endsWith("2 passed, 0 failed\n"), outcome.output());
    }

    @Test
    void shouldReportASyntaxErrorWithItsLineAndExit1() {
        Outcome outcome = validate(FIXTURES + "syntax-error");

        assertEquals(ValidateCommand.LOAD_ERROR, outcome.exit(), outcome.output());
        assertTrue(outcome.output().startsWith("mini/tiers.drl:11:1: mismatched input 'then'"), outcome.output());
        assertTrue(outcome.output().contains("(rule \"Basic: staff\")"), outcome.output());
    }

    @Test
    void shouldRefuseAForbiddenImportAndExit1() {
        Outcome outcome = validate(FIXTURES + "forbidden-import");

        assertEquals(ValidateCommand.LOAD_ERROR, outcome.exit(), outcome.output());
        assertTrue(outcome.output().startsWith("mini/tiers.drl:4:8: import of java.io.File is not allowed"),
                outcome.output());
    }

    @Test
    void shouldRefuseADuplicateCriterionAndExit1() {
        Outcome outcome = validate(FIXTURES + "duplicate-criterion");

        assertEquals(ValidateCommand.LOAD_ERROR, outcome.exit(), outcome.output());
        assertTrue(outcome.output().contains(
                "mini/tiers.drl:15:1: tier 'BASIC' already has a rule for criterion 'certified-staff' (rule \"Advanced: staff\")"),
                outcome.output());
    }

    @Test
    void shouldShowAFailingScenarioWithExpectedAndActualAndExit2() {
        Outcome outcome = validate(FIXTURES + "failing-scenario");

        assertEquals(ValidateCommand.CHECK_FAILED, outcome.exit(), outcome.output());
        assertTrue(outcome.output().contains("mini/tests/ladder.yaml:6: Two certified people: FAIL ("), outcome.output());
        assertTrue(outcome.output().contains("    segment: expected BASIC, got ADVANCED\n"), outcome.output());
        assertTrue(outcome.output().contains("    nextSegment: expected ADVANCED, got null\n"), outcome.output());
        assertTrue(outcome.output().endsWith("1 passed, 1 failed\n"), outcome.output());
    }

    @Test
    void shouldFailBelowTheMinimumCoverageAndNameWhatWasNeverSeen() {
        Outcome outcome = validate(FIXTURES + "low-coverage", "--min-coverage", "80");

        assertEquals(ValidateCommand.CHECK_FAILED, outcome.exit(), outcome.output());
        assertTrue(outcome.output().contains("coverage: 50.0% (2 of 4 criterion outcomes seen)"), outcome.output());
        assertTrue(outcome.output().contains("never met:   mini/BASIC/certified-staff"), outcome.output());
        assertTrue(outcome.output().contains("never met:   mini/ADVANCED/certified-staff"), outcome.output());
        assertTrue(outcome.output().contains("coverage 50.0% is below the minimum of 80.0%"), outcome.output());
        assertEquals(0, validate(FIXTURES + "low-coverage").exit(), "without a minimum, coverage only informs");
    }

    @Test
    void shouldWriteAMachineReadableReport() throws Exception {
        Outcome outcome = validate(FIXTURES + "failing-scenario", "--format", "json");

        JsonNode report = new ObjectMapper().readTree(outcome.output());
        assertEquals(2, report.get("exitCode").asInt());
        assertEquals(1, report.get("failed").asInt());
        JsonNode failed = report.get("scenarios").get(1);
        assertEquals("mini/tests/ladder.yaml", failed.get("file").asText());
        assertEquals(6, failed.get("line").asInt());
        assertEquals("segment: expected BASIC, got ADVANCED", failed.get("failures").get(0).asText());
        assertEquals(100.0, report.get("coverage").get("percent").asDouble());
    }

    @Test
    void shouldExplainItsUsage() {
        assertEquals(ValidateCommand.LOAD_ERROR, validate().exit());
        assertTrue(validate("--format", "xml", "rules").output().startsWith("usage: validate <rules-dir>"));
        assertEquals(ValidateCommand.LOAD_ERROR, validate(FIXTURES + "no-such-folder").exit());
    }

    @Test
    void shouldPassTheShippedRulesWithFullCoverage() {
        Outcome outcome = validate("rules", "--min-coverage", "100");

        assertEquals(0, outcome.exit(), outcome.output());
        assertTrue(outcome.output().contains("compiled 9 program(s)"), outcome.output());
    }

    @Test
    void shouldRunScenariosThatStateThePreviousTierOfAProgramWithAPolicy() {
        Outcome outcome = validate("src/test/resources/policy-rules");

        assertEquals(0, outcome.exit(), outcome.output());
        assertTrue(outcome.output().contains("graced/tests/grace.yaml:1: Falling short for the first time keeps the tier"
                + " for 30 days: PASS"), outcome.output());
        assertTrue(outcome.output().contains("4 passed, 0 failed"), outcome.output());
    }

    @Test
    void shouldCheckTheScoresAScenarioExpects(@TempDir Path rules) throws IOException {
        Path program = RuleFolders.copy("microsoft-solutions-partner", rules, text -> text);
        String scenarios = Files.readString(Path.of("rules/microsoft-solutions-partner/tests/capability-score.yaml"));
        Files.createDirectories(program.resolve("tests"));
        Files.writeString(program.resolve("tests/capability-score.yaml"), scenarios.replace(
                "      - { criterion: capability-score, shortfall: 1 }",
                "      - { criterion: capability-score, shortfall: 1 }\n    scores: { capability-score: { ENTERPRISE: 70, SMB: 25 } }"));

        Outcome outcome = validate(rules.toString());

        assertEquals(ValidateCommand.CHECK_FAILED, outcome.exit(), outcome.output());
        assertTrue(outcome.output().contains("69 on the Enterprise path is one point short: FAIL"), outcome.output());
        assertTrue(outcome.output().contains("scores.capability-score.ENTERPRISE: expected 70, got 69"), outcome.output());
        assertFalse(outcome.output().contains("scores.capability-score.SMB"), outcome.output());
    }
}
