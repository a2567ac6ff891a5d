package io.partnertiers.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnertiers.RuleFolders;
import io.partnertiers.evaluation.Evaluator;
import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.RulesetCompiler;
import io.partnertiers.rules.RulesetRegistry;

/** The impact command: who a rules change moves, checked partner by partner against the evaluator. */
class ImpactCommandTest {

    @TempDir
    static Path temp;
    static Path base;
    static Path stricter;

    /** Premier needs 16 certified people instead of 15 in the changed rules. */
    @BeforeAll
    static void rulesFolders() throws IOException {
        base = RuleFolders.copyAll(temp.resolve("base"));
        stricter = RuleFolders.copyAll(temp.resolve("stricter"));
        Path premier = stricter.resolve("servicenow-partner/premier.drl");
        Files.writeString(premier, Files.readString(premier).replace("@required(15)", "@required(16)"));
    }

    private record Outcome(int exit, String output) {
    }

    private Outcome impact(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new ImpactCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8), getClass().getClassLoader())
                .run(args);
        return new Outcome(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    /** A Premier partner with {@code certified} certified people and the rest of Premier's numbers. */
    private static String premierLine(String partnerId, int certified) {
        StringBuilder people = new StringBuilder();
        String[] roles = {"SALES", "PRESALES", "CONSULTING", "DELIVERY"};
        for (int i = 0; i < certified; i++) {
            people.append(i == 0 ? "" : ",").append("{\"id\":\"p").append(i).append("\",\"roles\":[\"")
                    .append(roles[i % 4]).append("\"],\"certifications\":[{\"name\":\"CSA\",\"earnedOn\":\"2026-01-10\"}]}");
        }
        StringBuilder csat = new StringBuilder();
        StringBuilder implementations = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            csat.append(i == 0 ? "" : ",").append("{\"score\":4.5,\"date\":\"2026-05-01\"}");
            implementations.append(i == 0 ? "" : ",").append("{\"customer\":\"C").append(i).append("\",\"area\":\"")
                    .append(i % 2 == 0 ? "ITSM" : "ITOM").append("\",\"completedOn\":\"2026-03-01\"}");
        }
        return "{\"program\":\"servicenow-partner\",\"asOf\":\"2026-11-24\",\"partner\":{\"partnerId\":\"" + partnerId
                + "\",\"agreementSigned\":true,\"people\":[" + people + "],\"csatResponses\":[" + csat
                + "],\"implementations\":[" + implementations + "]}}";
    }

    private static Path partners(String... lines) throws IOException {
        Path file = Files.createTempFile(temp, "partners", ".ndjson");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void shouldShowTheMatrixAndEachDemotedPartnerWithTheCriterionThatMoved() throws IOException {
        Path file = partners(premierLine("fifteen", 15), premierLine("sixteen", 16), "{\"program\":\"microsoft-mpn\","
                + "\"asOf\":\"2026-11-24\",\"partner\":{\"partnerId\":\"mpn\",\"agreementSigned\":true}}");

        Outcome outcome = impact("--base", base.toString(), "--rules", stricter.toString(), "--partners", file.toString());

        assertEquals(ImpactCommand.OK, outcome.exit(), outcome.output());
        assertTrue(outcome.output().startsWith("impact of " + stricter + " against " + base
                + ": 3 partner(s), 1 changed (0 promoted, 1 demoted)\n"), outcome.output());
        assertTrue(outcome.output().contains("servicenow-partner:\n    PREMIER -> SPECIALIST: 1\n    PREMIER -> PREMIER: 1\n"),
                outcome.output());
        assertTrue(outcome.output().contains("microsoft-mpn:\n    REGISTERED -> REGISTERED: 1\n"), outcome.output());
        assertTrue(outcome.output().contains("line 1: servicenow-partner fifteen (2026-11-24): PREMIER -> SPECIALIST"
                + " (demotion)\n    PREMIER certified-staff: required 15 -> 16, actual 15 -> 15, met -> unmet\n"),
                outcome.output());
    }

    @Test
    void shouldFailOnADemotionOnlyWhenThereIsOne() throws IOException {
        Path demoted = partners(premierLine("fifteen", 15));
        Path unmoved = partners(premierLine("sixteen", 16));

        assertEquals(ImpactCommand.FAILED_ON, impact("--base", base.toString(), "--rules", stricter.toString(),
                "--partners", demoted.toString(), "--fail-on", "demotion").exit());
        assertEquals(ImpactCommand.OK, impact("--base", base.toString(), "--rules", stricter.toString(),
                "--partners", unmoved.toString(), "--fail-on", "demotion").exit());
        assertEquals(ImpactCommand.OK, impact("--base", stricter.toString(), "--rules", base.toString(),
                "--partners", demoted.toString(), "--fail-on", "demotion").exit(), "the other way round it is a promotion");
        assertEquals(ImpactCommand.FAILED_ON, impact("--base", stricter.toString(), "--rules", base.toString(),
                "--partners", demoted.toString(), "--fail-on", "change").exit());
    }

    @Test
    void shouldReportBadLinesByNumberAndGoOn() throws IOException {
        Path file = partners("not json", "{\"program\":\"servicenow-partner\",\"partner\":{\"partnerId\":\"x\","
                + "\"people\":[{\"id\":\"p\",\"certifications\":[{\"earnedOn\":\"2026-02-30\"}]}]}}",
                "{\"program\":\"no-such-program\",\"asOf\":\"2026-11-24\",\"partner\":{\"partnerId\":\"x\"}}",
                "{\"program\":\"servicenow-partner\",\"asOf\":\"2026-11-24\",\"partner\":{\"partnerId\":\"\\u0000\"}}",
                premierLine("fifteen", 15));

        Outcome outcome = impact("--base", base.toString(), "--rules", stricter.toString(), "--partners", file.toString(),
                "--format", "json");

        JsonNode report = new ObjectMapper().readTree(outcome.output());
        assertEquals(1, report.get("partners").asInt());
        assertEquals(List.of("1", "2", "3", "4"), report.get("skipped").findValuesAsText("line"));
        assertTrue(report.at("/skipped/2/reason").asText().contains("no-such-program"), outcome.output());
        assertEquals(5, report.at("/changes/0/line").asInt());
        assertEquals("DEMOTION", report.at("/changes/0/direction").asText());
    }

    @Test
    void shouldWriteValidJunitWithADemotionAsAFailure() throws Exception {
        Outcome outcome = impact("--base", base.toString(), "--rules", stricter.toString(), "--partners",
                partners(premierLine("fifteen", 15), premierLine("sixteen", 16)).toString(), "--format", "junit",
                "--fail-on", "demotion");

        assertEquals(ImpactCommand.FAILED_ON, outcome.exit());
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("src/test/resources/schemas/junit.xsd").toFile()).newValidator()
                .validate(new StreamSource(new StringReader(outcome.output())));
        assertTrue(outcome.output().contains("failures=\"1\""), outcome.output());
        assertTrue(outcome.output().contains("<failure message=\"line 1: servicenow-partner fifteen"), outcome.output());
    }

    @Test
    void shouldAgreePartnerByPartnerWithTheEvaluatorUnderEachRuleset() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int certified = 12; certified <= 18; certified++) {
            lines.append(premierLine("p" + certified, certified)).append('\n');
        }
        Path file = Files.writeString(Files.createTempFile(temp, "sample", ".ndjson"), lines.toString());

        JsonNode report = new ObjectMapper().readTree(impact("--base", base.toString(), "--rules", stricter.toString(),
                "--partners", file.toString(), "--format", "json").output());

        Map<String, Ruleset> before = RulesetRegistry.loadAll(base, new RulesetCompiler(getClass().getClassLoader()))
                .programs();
        Map<String, Ruleset> after = RulesetRegistry.loadAll(stricter, new RulesetCompiler(getClass().getClassLoader()))
                .programs();
        ImpactCommand.LineReader reader = new ImpactCommand.LineReader();
        int changed = 0;
        for (String line : lines.toString().split("\n")) {
            ImpactRequest request = (ImpactRequest) reader.read(line);
            String was = segment(before, request);
            String is = segment(after, request);
            if (!Objects.equals(was, is)) {
                changed++;
                assertTrue(report.get("changes").toString().contains("\"partnerId\":\"" + request.partner().partnerId()
                        + "\",\"asOf\":\"2026-11-24\",\"before\":\"" + was + "\",\"after\":\"" + is + "\""),
                        report.toString());
            }
        }
        assertEquals(1, changed, "only the partner with exactly 15 moves");
        assertEquals(changed, report.get("changed").asInt());
    }

    private static String segment(Map<String, Ruleset> world, ImpactRequest request) {
        return new Evaluator(id -> Optional.ofNullable(world.get(id))).evaluate(world.get(request.program()),
                request.partner(), request.asOf(), false).segment();
    }

    @Test
    void shouldCompileOnlyTheProgramsThatDiffer() {
        Map<String, Ruleset> before = RulesetRegistry.loadAll(base, new RulesetCompiler(getClass().getClassLoader()))
                .programs();

        Map<String, Ruleset> after = RulesetRegistry.loadAll(stricter, new RulesetCompiler(getClass().getClassLoader()),
                before).programs();

        assertEquals(before.keySet(), after.keySet());
        after.forEach((id, ruleset) -> assertEquals(!id.equals("servicenow-partner"), ruleset == before.get(id), id));
    }

    /** cisco-adopt-incentive is unchanged, but the cisco-cx tier it asks about needs a third CSM. */
    @Test
    void shouldEvaluateAgainAnUnchangedProgramThatAsksAboutAChangedOne() throws IOException {
        Path cxStricter = RuleFolders.copyAll(temp.resolve("cx-stricter"));
        Path cx = cxStricter.resolve("cisco-cx/cx-specialization.drl");
        Files.writeString(cx, Files.readString(cx).replace("@criterion(\"certified-csms\") @required(2)",
                "@criterion(\"certified-csms\") @required(3)"));
        StringBuilder people = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            people.append("{\"id\":\"csm").append(i).append("\",\"roles\":[\"CSM\"],\"certifications\":[{\"specialization\":")
                    .append("\"CX\",\"kind\":\"PROCTORED_EXAM\",\"earnedOn\":\"2023-11-24\"}]},");
        }
        people.append("{\"id\":\"renewals\",\"roles\":[\"RENEWALS_MANAGER\"],\"certifications\":[{\"specialization\":\"CX\",")
                .append("\"kind\":\"VERIFICATION_EXAM\",\"earnedOn\":\"2023-11-24\"}]},")
                .append("{\"id\":\"sponsor\",\"roles\":[\"EXECUTIVE_SPONSOR\"]}");
        String eligible = "{\"program\":\"cisco-adopt-incentive\",\"asOf\":\"2026-11-24\",\"partner\":{\"partnerId\":\"cx\","
                + "\"vendorPartnerLevel\":\"GOLD\",\"people\":[" + people + "],\"adoption\":[{\"month\":\"2026-09\","
                + "\"activeUsageRate\":0.6},{\"month\":\"2026-10\",\"activeUsageRate\":0.6},{\"month\":\"2026-11\","
                + "\"activeUsageRate\":0.6}]}}";

        JsonNode report = new ObjectMapper().readTree(impact("--base", base.toString(), "--rules", cxStricter.toString(),
                "--partners", partners(eligible).toString(), "--format", "json").output());

        assertEquals(1, report.get("demoted").asInt(), report.toString());
        assertEquals("ELIGIBLE", report.at("/changes/0/before").asText());
        assertEquals("cx-specialization", report.at("/changes/0/criteria/0/criterion").asText());
    }

    @Test
    void shouldRefuseWrongArguments() {
        assertEquals(ImpactCommand.CANNOT_RUN, impact().exit());
        assertEquals(ImpactCommand.CANNOT_RUN, impact("--base", base.toString(), "--rules", stricter.toString()).exit());
        assertEquals(ImpactCommand.CANNOT_RUN, impact("--base", base.toString(), "--rules", stricter.toString(),
                "--partners", "x.ndjson", "--fail-on", "everything").exit());
        assertEquals(ImpactCommand.CANNOT_RUN, impact("--base", base.toString(), "--rules", stricter.toString(),
                "--partners", temp.resolve("missing.ndjson").toString()).exit());
    }
}
