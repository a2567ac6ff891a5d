package io.partnertiers.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.partnertiers.api.StrictJsonCustomizer;
import io.partnertiers.evaluation.PriorStanding;
import io.partnertiers.facts.Limits;
import io.partnertiers.facts.PartnerFacts;
import io.partnertiers.rules.Diagnostic;
import io.partnertiers.rules.SourcePosition;

/**
 * Reads {@code <program>/tests/*.yaml}. A file is a list of scenarios, each with {@code name},
 * {@code asOf}, {@code partner} (as in the API) and {@code expect}. In any list of the partner,
 * an item {@code {times: N, each: {...}}} stands for N copies of {@code each}, with {@code {n}}
 * in its strings replaced by the copy's number, so that "100 certified people" stays one line.
 */
public final class ScenarioFiles {

    private static final Set<String> SCENARIO_KEYS = Set.of("name", "asOf", "partner", "expect");
    private static final Set<String> OPTIONAL_KEYS = Set.of("previous");
    private static final Set<String> PREVIOUS_KEYS = Set.of("asOf", "segment", "atRiskSince");
    private static final Set<String> EXPECT_KEYS = Set.of("segment", "nextSegment", "gaps", "entitlements", "scores",
            "atRiskUntil");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** The largest scenario file read: far above any real one, far below what would exhaust memory. */
    static final long MAX_FILE_BYTES = 1024 * 1024;
    /** The most items {@code times:} may make in one scenario, all lists together. */
    static final int MAX_EXPANDED_ITEMS = 100_000;
    private static final ObjectMapper FACTS = StrictJsonCustomizer.strict(new ObjectMapper().findAndRegisterModules());

    private ScenarioFiles() {
    }

    /** Every scenario of every program folder under {@code rulesDir}; unreadable ones are reported in {@code problems}. */
    public static List<Scenario> read(Path rulesDir, List<Diagnostic> problems) throws IOException {
        List<Scenario> scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.walk(rulesDir, 3)) {
            for (Path file : files.filter(f -> f.getParent() != null && f.getParent().getFileName().toString().equals("tests"))
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                String program = file.getParent().getParent().getFileName().toString();
                String name = rulesDir.relativize(file).toString();
                // a FIFO, a device or a link to one would hang or exhaust the reader: plain, bounded files only
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    problems.add(new Diagnostic(new SourcePosition(name, 0, 0), "is not a regular file (a link, a"
                            + " device or a pipe): a scenario file is a plain file", null));
                } else if (Files.size(file) > MAX_FILE_BYTES) {
                    problems.add(new Diagnostic(new SourcePosition(name, 0, 0), "has " + Files.size(file) + " bytes;"
                            + " a scenario file may have at most " + MAX_FILE_BYTES, null));
                } else {
                    read(program, name, Files.readString(file), scenarios, problems);
                }
            }
        }
        return scenarios;
    }

    static void read(String program, String file, String text, List<Scenario> scenarios, List<Diagnostic> problems) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new Diagnostic(new SourcePosition(file, line, 1), e.getOriginalMessage(), null));
            return;
        }
        if (root == null || !root.isArray()) {
            problems.add(new Diagnostic(new SourcePosition(file, 1, 1), "a scenario file is a list of scenarios", null));
            return;
        }
        int searchFrom = 0;
        for (JsonNode node : root) {
            String name = node.path("name").asText("");
            int line = lineOf(text, name, searchFrom);
            searchFrom = Math.max(searchFrom, offsetOfLine(text, line));
            SourcePosition at = new SourcePosition(file, line, 1);
            String problem = problemOf(node);
            if (problem != null) {
                problems.add(new Diagnostic(at, problem, null));
                continue;
            }
            try {
                LocalDate asOf = LocalDate.parse(node.get("asOf").asText());
                PartnerFacts partner = FACTS.treeToValue(expand(node.get("partner")), PartnerFacts.class);
                scenarios.add(new Scenario(program, file, line, name, asOf, partner, previous(node.get("previous"), asOf),
                        node.get("expect")));
            } catch (DateTimeParseException e) {
                problems.add(new Diagnostic(at, "asOf must be a date yyyy-MM-dd", null));
            } catch (JsonProcessingException e) {
                problems.add(new Diagnostic(at, "partner: " + e.getOriginalMessage(), null));
            } catch (IllegalArgumentException e) {
                problems.add(new Diagnostic(at, "partner: " + e.getMessage(), null));
            }
        }
    }

    private static String problemOf(JsonNode scenario) {
        if (!scenario.isObject()) {
            return "a scenario is an object with name, asOf, partner and expect";
        }
        for (Iterator<String> keys = scenario.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!SCENARIO_KEYS.contains(key) && !OPTIONAL_KEYS.contains(key)) {
                return "unknown key '" + key + "' (a scenario has name, asOf, partner, expect and perhaps previous)";
            }
        }
        for (String key : SCENARIO_KEYS) {
            if (!scenario.hasNonNull(key)) {
                return "missing '" + key + "'";
            }
        }
        JsonNode expect = scenario.get("expect");
        if (!expect.isObject() || !expect.has("segment") || !expect.has("nextSegment")) {
            return "expect needs segment and nextSegment (null where there is none)";
        }
        for (Iterator<String> keys = expect.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!EXPECT_KEYS.contains(key)) {
                return "unknown key 'expect." + key + "' (expect has segment, nextSegment, gaps, entitlements,"
                        + " scores, atRiskUntil)";
            }
        }
        JsonNode previous = scenario.get("previous");
        if (previous != null) {
            if (!previous.isObject() || !previous.has("segment")) {
                return "previous needs the segment last recorded (and may give its asOf and atRiskSince)";
            }
            for (Iterator<String> keys = previous.fieldNames(); keys.hasNext();) {
                String key = keys.next();
                if (!PREVIOUS_KEYS.contains(key)) {
                    return "unknown key 'previous." + key + "' (previous has segment, asOf, atRiskSince)";
                }
            }
        }
        return null;
    }

    /** The standing a scenario says was last recorded; its asOf defaults to the day before the scenario's. */
    private static PriorStanding previous(JsonNode previous, LocalDate asOf) {
        if (previous == null) {
            return null;
        }
        JsonNode segment = previous.get("segment");
        return new PriorStanding(previous.has("asOf") ? LocalDate.parse(previous.get("asOf").asText()) : asOf.minusDays(1),
                segment.isNull() ? null : segment.asText(),
                previous.hasNonNull("atRiskSince") ? LocalDate.parse(previous.get("atRiskSince").asText()) : null);
    }

    /**
     * Expands {@code {times: N, each: {...}}} list items, recursively.
     *
     * @throws IllegalArgumentException when a list would grow past what a request may hold
     */
    static JsonNode expand(JsonNode node) {
        return expand(node, new int[] {MAX_EXPANDED_ITEMS});
    }

    /** @param budget how many more list items the whole expansion may make, nested lists included */
    private static JsonNode expand(JsonNode node, int[] budget) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), expand(e.getValue(), budget)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : node) {
                if (item.isObject() && item.size() == 2 && item.has("times") && item.has("each")) {
                    JsonNode times = item.get("times");
                    if (!times.canConvertToInt() || times.asInt() < 0
                            || copy.size() + times.asInt() > Limits.MAX_ITEMS) {
                        throw new IllegalArgumentException("times: " + times + " would make a list of more than "
                                + Limits.MAX_ITEMS + " items, the most a request may hold");
                    }
                    for (int n = 1; n <= times.asInt(); n++) {
                        if (--budget[0] < 0) {
                            throw new IllegalArgumentException("the times: of this scenario make more than "
                                    + MAX_EXPANDED_ITEMS + " items in all");
                        }
                        copy.add(numbered(expand(item.get("each"), budget), n));
                    }
                } else {
                    copy.add(expand(item, budget));
                }
            }
            return copy;
        }
        return node;
    }

    private static JsonNode numbered(JsonNode node, int n) {
        if (node.isTextual()) {
            return new TextNode(node.asText().replace("{n}", Integer.toString(n)));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), numbered(e.getValue(), n)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(numbered(item, n)));
            return copy;
        }
        return node;
    }

    private static int lineOf(String text, String name, int from) {
        int at = name.isEmpty() ? -1 : text.indexOf(name, from);
        return at < 0 ? 1 : SourcePosition.of("", text, at).line();
    }

    private static int offsetOfLine(String text, int line) {
        int offset = 0;
        for (int i = 1; i < line && offset >= 0; i++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return Math.max(offset, 0);
    }
}
