package io.partnertiers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.partnertiers.RuleFolders;
import io.partnertiers.evaluation.CriterionResult;
import io.partnertiers.evaluation.EvaluationResult;
import io.partnertiers.evaluation.Evaluator;
import io.partnertiers.evaluation.TierResult;
import io.partnertiers.facts.PartnerFacts;
import io.partnertiers.facts.Partner;
import io.partnertiers.measures.Measure;

/**
 * Keeps {@code rules/README.md} true: its rules are shipped or compile, its threshold edit is
 * one edit, its measures table is complete, and its error messages are the ones printed.
 */
class RulesGuideTest {

    private static final Path RULES = Path.of("rules");
    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!-- example ([\\w-]+): ([\\w-]+)/([\\w.-]+) -->\\n)?```(drl|yaml)\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path temp;

    private record Block(String example, String program, String file, String language, String text) {
        boolean isExample() {
            return program != null;
        }
    }

    private static List<Block> blocks() throws IOException {
        Matcher m = BLOCK.matcher(Files.readString(RULES.resolve("README.md")));
        List<Block> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(new Block(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)));
        }
        return blocks;
    }

    private static String shippedDrl() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(RULES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }

    /** A copy of one shipped program folder whose file {@code file} is passed through {@code edit}. */
    private Path copyOf(String program, String file, UnaryOperator<String> edit) throws IOException {
        String original = file.isEmpty() ? null : Files.readString(RULES.resolve(program).resolve(file));
        return RuleFolders.copy(program, temp.resolve("rules"), text -> text.equals(original) ? edit.apply(text) : text);
    }

    private Ruleset compile(Path programDir) {
        return new RulesetCompiler(getClass().getClassLoader()).compile(programDir);
    }

    @Test
    void shouldShowOnlyRulesThatAreShipped() throws IOException {
        String shipped = shippedDrl();
        List<Block> shown = blocks().stream().filter(b -> b.language().equals("drl") && !b.isExample()).toList();

        assertTrue(shown.size() >= 4, "the guide shows shipped rules");
        for (Block block : shown) {
            assertTrue(shipped.contains(block.text()), "not in any shipped .drl file:\n" + block.text());
        }
    }

    /** The shipped program with the guide's blocks of one example appended to the files they name. */
    private Path withExample(String example, int blocks) throws IOException {
        List<Block> parts = blocks().stream().filter(b -> example.equals(b.example())).toList();
        assertEquals(blocks, parts.size(), "blocks of example " + example);
        Path program = copyOf(parts.get(0).program(), "", text -> text);
        for (Block part : parts) {
            Path file = program.resolve(part.file());
            Files.writeString(file, Files.readString(file) + "\n" + part.text());
        }
        return program;
    }

    private static Criterion criterion(Ruleset ruleset, String tier, String id) {
        return ruleset.tiers().stream().filter(t -> t.id().equals(tier)).findFirst().orElseThrow()
                .criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static EvaluationResult evaluate(Ruleset ruleset, PartnerFacts facts) {
        return new Evaluator(id -> Optional.empty()).evaluate(ruleset, facts, LocalDate.of(2026, 11, 24), false);
    }

    private static TierResult tier(EvaluationResult result, String tier) {
        return result.tiers().stream().filter(t -> t.tier().equals(tier)).findFirst().orElseThrow();
    }

    @Test
    void shouldCompileTheAddACriterionExample() throws IOException {
        Ruleset ruleset = compile(withExample("add-criterion", 2));

        Criterion added = criterion(ruleset, "PREMIER", "customer-references");
        assertEquals(new BigDecimal("2"), ((Criterion.Threshold) added).requirement().value());
        assertEquals("Signed customer references", added.description());
    }

    @Test
    void shouldCompileTheAtMostExampleAndCountTheExcess() throws IOException {
        Ruleset ruleset = compile(withExample("at-most", 2));

        Criterion limit = criterion(ruleset, "ELITE", "open-escalations");
        assertEquals(new Requirement.AtMost(new BigDecimal("2")), ((Criterion.Threshold) limit).requirement());
        CriterionResult four = tier(evaluate(ruleset, metrics(Map.of("openEscalations", new BigDecimal("4")))), "ELITE")
                .criteria().stream().filter(c -> c.criterion().equals("open-escalations")).findFirst().orElseThrow();
        assertEquals(false, four.met());
        assertEquals("at-most", four.comparison());
        CriterionResult two = tier(evaluate(ruleset, metrics(Map.of("openEscalations", new BigDecimal("2")))), "ELITE")
                .criteria().stream().filter(c -> c.criterion().equals("open-escalations")).findFirst().orElseThrow();
        assertEquals(true, two.met(), "2 is at most 2");
        CriterionResult notSent = tier(evaluate(ruleset, metrics(Map.of())), "ELITE").criteria().stream()
                .filter(c -> c.criterion().equals("open-escalations")).findFirst().orElseThrow();
        assertEquals(false, notSent.met(), "whenMissing: unmet");
        assertEquals(null, notSent.actual());
    }

    @Test
    void shouldCompileTheAnyOfExampleWithItsTwoTracks() throws IOException {
        Ruleset ruleset = compile(withExample("any-of", 2));

        Criterion.AnyOf delivery = (Criterion.AnyOf) criterion(ruleset, "PREMIER", "delivery-track");
        assertEquals(List.of("3 implementations", "2 implementations and a signed reference"),
                delivery.tracks().stream().map(Criterion.Track::name).toList());
        assertEquals(List.of(1, 2), delivery.tracks().stream().map(t -> t.parts().size()).toList());
    }

    private static PartnerFacts metrics(Map<String, BigDecimal> metrics) {
        return new PartnerFacts("p", null, true, null, null, null, null, null, null, null, null, null, null, null, null,
                metrics);
    }

    @Test
    void shouldChangePremiersCertifiedStaffFrom15To12InOneEdit() throws IOException {
        String premier = Files.readString(RULES.resolve("servicenow-partner/premier.drl"));
        assertEquals(1, premier.split("@required\\(15\\)", -1).length - 1, "the number appears once");

        Ruleset ruleset = compile(copyOf("servicenow-partner", "premier.drl",
                text -> text.replace("@required(15)", "@required(12)")));

        Criterion staff = ruleset.tiers().get(2).criteria().get(0);
        assertEquals("PREMIER/certified-staff", ruleset.tiers().get(2).id() + "/" + staff.id());
        assertEquals(new BigDecimal("12"), ((Criterion.Threshold) staff).requirement().value());
        // the boundary scenarios pin 15, so validate (and a live reload) keep the edit out until they say 12
        var edited = new java.io.ByteArrayOutputStream();
        int exit = new io.partnertiers.validate.ValidateCommand(new java.io.PrintStream(edited, true),
                getClass().getClassLoader()).run(copyOfAllRulesWith("servicenow-partner/premier.drl",
                        text -> text.replace("@required(15)", "@required(12)")).toString());
        assertEquals(io.partnertiers.validate.ValidateCommand.CHECK_FAILED, exit, edited.toString());
        assertTrue(edited.toString().contains("servicenow-partner/tests/boundaries.yaml:99: One short on every Premier"
                + " criterion: FAIL"), edited.toString());
    }

    private Path copyOfAllRulesWith(String file, UnaryOperator<String> edit) throws IOException {
        Path copy = RuleFolders.copyAll(temp.resolve("all-rules"));
        Files.writeString(copy.resolve(file), edit.apply(Files.readString(copy.resolve(file))));
        return copy;
    }

    @Test
    void shouldListEveryMeasureRulesCanUse() throws IOException {
        String guide = Files.readString(RULES.resolve("README.md"));
        for (Method method : Partner.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || !Measure.class.isAssignableFrom(method.getReturnType())) {
                continue;
            }
            String name = method.getName();
            String asWritten = name.startsWith("get") && method.getParameterCount() == 0
                    ? Character.toLowerCase(name.charAt(3)) + name.substring(4)
                    : name + "(";
            assertTrue(guide.contains("`" + asWritten), "measure missing from the guide: " + asWritten);
        }
    }

    @Test
    void shouldPrintTheErrorsTheGuideShows() throws IOException {
        String guide = Files.readString(RULES.resolve("README.md"));
        assertErrorShown(guide, "premier.drl", text -> text.replaceFirst("certifiedStaff \\)", "certifiedStaf )"));
        assertErrorShown(guide, "premier.drl", text -> text.replaceFirst("certifiedStaff \\)", "certifiedStaff"));
        assertErrorShown(guide, "elite.drl", text -> text.replace("@tier(\"ELITE\") @criterion(\"certified-staff\")",
                "@tier(\"ELIT\") @criterion(\"certified-staff\")"));
        assertErrorShown(guide, "premier.drl", text -> text.substring(0, text.indexOf("rule ")));
        assertErrorShown(guide, "premier.drl", text -> text.replace("import io.partnertiers.facts.Partner;",
                "import io.partnertiers.facts.Partner;\nimport java.io.File;"));
    }

    private void assertErrorShown(String guide, String file, UnaryOperator<String> mistake) {
        try {
            Path program = copyOf("servicenow-partner", file, mistake);
            RulesetRegistry.Loaded loaded = RulesetRegistry.loadAll(program.getParent(),
                    new RulesetCompiler(getClass().getClassLoader()));
            assertEquals(1, loaded.failures().size());
            RulesetCompilationException failure = loaded.failures().get(0);
            List<String> lines = failure.diagnostics().stream().map(d -> failure.programId() + "/" + d).toList();
            assertTrue(lines.stream().anyMatch(guide::contains), "the guide shows none of:\n" + String.join("\n", lines));
            deleteTree(program);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
