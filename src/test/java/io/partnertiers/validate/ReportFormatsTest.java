package io.partnertiers.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** validate's JUnit XML and SARIF reports, checked against the schemas CI systems read them by. */
class ReportFormatsTest {

    private static final String FIXTURES = "src/test/resources/validate/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private record Outcome(int exit, String output) {
    }

    private Outcome validate(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new ValidateCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8), getClass().getClassLoader())
                .run(args);
        return new Outcome(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    private static void assertValidJunit(String xml) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("src/test/resources/schemas/junit.xsd").toFile()).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static JsonNode assertValidSarif(String sarif) throws IOException {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/schemas/sarif-2.1.0.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        JsonNode log = JSON.readTree(sarif);
        Set<ValidationMessage> problems = schema.validate(log);
        assertEquals(Set.of(), problems, sarif);
        return log;
    }

    /** A copy of the "good" fixture with every file passed through {@code edit}. */
    private Path good(String name, UnaryOperator<String> edit) throws IOException {
        Path copy = temp.resolve(name);
        Path source = Path.of(FIXTURES + "good");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.writeString(target, edit.apply(Files.readString(file)));
                }
            }
        }
        return copy;
    }

    /** The "good" fixture, with its second scenario at three people: ADVANCED's 2 is then never pinned. */
    private Path unpinnedThreshold() throws IOException {
        return good("unpinned", text -> text.replace("times: 2", "times: 3"));
    }

    @Test
    void shouldWriteValidJunitWithTheBrokenFileAndLineInTheFailure() throws Exception {
        Outcome outcome = validate(FIXTURES + "syntax-error", "--format", "junit");

        assertEquals(ValidateCommand.LOAD_ERROR, outcome.exit());
        assertValidJunit(outcome.output());
        NodeList failures = parse(outcome.output()).getElementsByTagName("failure");
        assertEquals(1, failures.getLength(), outcome.output());
        Element failure = (Element) failures.item(0);
        assertTrue(failure.getAttribute("message").startsWith("mini/tiers.drl:11:1: mismatched input 'then'"),
                outcome.output());
        assertEquals("PT-SYNTAX", failure.getAttribute("type"));
    }

    @Test
    void shouldWriteOneJunitTestCasePerScenarioAndPerCheck() throws Exception {
        Outcome outcome = validate(FIXTURES + "failing-scenario", "--format", "junit");

        assertEquals(ValidateCommand.CHECK_FAILED, outcome.exit());
        assertValidJunit(outcome.output());
        Document report = parse(outcome.output());
        NodeList cases = report.getElementsByTagName("testcase");
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        assertTrue(names.containsAll(List.of("compiles and passes the rule checker", "criterion coverage",
                "boundary coverage", "ladder order")), names.toString());
        Element failure = (Element) report.getElementsByTagName("failure").item(0);
        assertEquals("PT-SCENARIO", failure.getAttribute("type"));
        assertTrue(failure.getTextContent().startsWith("mini/tests/"), failure.getTextContent());
    }

    @Test
    void shouldWriteValidSarifWithRuleIdFileLineAndColumn() throws Exception {
        Outcome outcome = validate(FIXTURES + "forbidden-import", "--format", "sarif");

        assertEquals(ValidateCommand.LOAD_ERROR, outcome.exit());
        JsonNode result = assertValidSarif(outcome.output()).at("/runs/0/results/0");
        assertEquals("PT-GRAMMAR", result.get("ruleId").asText());
        assertEquals("error", result.get("level").asText());
        JsonNode location = result.at("/locations/0/physicalLocation");
        assertEquals(FIXTURES + "forbidden-import/mini/tiers.drl", location.at("/artifactLocation/uri").asText());
        assertEquals(4, location.at("/region/startLine").asInt());
        assertEquals(8, location.at("/region/startColumn").asInt());
        assertTrue(result.at("/message/text").asText().startsWith("import of java.io.File is not allowed"));
    }

    @Test
    void shouldReportAThresholdNoScenarioPinsAsASurvivingMutant() throws Exception {
        Path rules = unpinnedThreshold();

        Outcome pretty = validate(rules.toString());
        assertEquals(ValidateCommand.OK, pretty.exit(), pretty.output());
        assertTrue(pretty.output().contains("boundary coverage: 66.6% (2 of 3 threshold mutants noticed by a scenario)"),
                pretty.output());
        assertTrue(pretty.output().contains("mini/tiers.drl:15:1: nothing tests ADVANCED certified-staff at 2: the rules"
                + " would pass with 3 instead; a scenario with 2 would notice"), pretty.output());

        assertEquals(ValidateCommand.CHECK_FAILED, validate(rules.toString(), "--min-boundary-coverage", "100").exit());
        assertEquals(ValidateCommand.OK, validate(rules.toString(), "--min-boundary-coverage", "60").exit());

        JsonNode survivor = assertValidSarif(validate(rules.toString(), "--format", "sarif").output())
                .at("/runs/0/results/0");
        assertEquals("PT-BOUNDARY", survivor.get("ruleId").asText());
        assertEquals("warning", survivor.get("level").asText());
        assertEquals(15, survivor.at("/locations/0/physicalLocation/region/startLine").asInt());
    }

    @Test
    void shouldWriteTheReportToTheOutputFileAndTheSummaryToTheConsole() throws Exception {
        Path report = temp.resolve("validate.sarif");

        Outcome outcome = validate(FIXTURES + "good", "--format", "sarif", "--output", report.toString());

        assertEquals(ValidateCommand.OK, outcome.exit());
        assertTrue(outcome.output().endsWith("2 passed, 0 failed\n"), outcome.output());
        assertEquals(0, assertValidSarif(Files.readString(report)).at("/runs/0/results").size());
    }

    @Test
    void shouldRefuseUnknownFormatsAndMissingValues() {
        assertEquals(ValidateCommand.LOAD_ERROR, validate(FIXTURES + "good", "--format", "xml").exit());
        assertEquals(ValidateCommand.LOAD_ERROR, validate(FIXTURES + "good", "--output").exit());
        assertEquals(ValidateCommand.LOAD_ERROR, validate(FIXTURES + "good", "--min-boundary-coverage", "lots").exit());
    }

    @Test
    void shouldWarnWhenAHigherTierAsksLessThanTheOneBelow() throws Exception {
        Path rules = good("inverted", text -> text.replace("@required(1)", "@required(3)"));

        JsonNode results = assertValidSarif(validate(rules.toString(), "--format", "sarif").output()).at("/runs/0/results");
        JsonNode order = null;
        for (JsonNode result : results) {
            if (result.get("ruleId").asText().equals("PT-LADDER-ORDER")) {
                order = result;
            }
        }
        assertTrue(order != null, results.toString());
        assertEquals("warning", order.get("level").asText());
        assertTrue(order.at("/message/text").asText().startsWith("ADVANCED asks at least 2 for certified-staff, less"
                + " than the at least 3 of BASIC below it"), order.toString());
    }
}
