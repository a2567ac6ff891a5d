package io.partnertiers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnertiers.RuleFolders;
import io.partnertiers.evaluation.EvaluationResult;
import io.partnertiers.evaluation.Evaluator;
import io.partnertiers.facts.PartnerFacts;

/**
 * A restart with unchanged rules builds its rule base from the classes kept at the previous start:
 * it must answer exactly as a fresh compile does, and any change to the rules, or an entry that
 * cannot be read, must compile again.
 */
class CompiledRulesCacheTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
    private static PartnerFacts benchPartner;

    @TempDir
    Path rulesDir;
    @TempDir
    Path cacheDir;

    @BeforeAll
    static void readPartner() throws IOException {
        JsonNode body = JSON.readTree(Path.of("bench/servicenow-profile.json").toFile());
        benchPartner = JSON.treeToValue(body.get("partner"), PartnerFacts.class);
    }

    /** Sees no resource: a build that ran before these tests may have put the shipped programs on the classpath. */
    private static final ClassLoader NOTHING_SHIPPED = new URLClassLoader(new URL[0], null);

    private RulesetCompiler compilerWithCache() {
        return new RulesetCompiler(getClass().getClassLoader(), Duration.ofSeconds(60),
                CompiledRulesCache.in(cacheDir, NOTHING_SHIPPED));
    }

    private static String answerOf(Ruleset ruleset) throws IOException {
        EvaluationResult answer = new Evaluator(id -> Optional.of(ruleset)).evaluate(ruleset, benchPartner, AS_OF, false);
        return JSON.writeValueAsString(answer);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void aRestartWithUnchangedRulesReusesTheClassesAndAnswersTheSame() throws IOException {
        Path program = RuleFolders.copy("servicenow-partner", rulesDir, text -> text);
        Ruleset compiled = compilerWithCache().compile(program);
        assertEquals(1, entries().size(), "the first compile keeps its classes");

        Map<String, String> sources = ProgramSources.read(program).texts();
        Optional<CompiledRulesCache.Compiled> kept = CompiledRulesCache.in(cacheDir, NOTHING_SHIPPED).load("servicenow-partner", sources,
                getClass().getClassLoader());
        assertTrue(kept.isPresent(), "a new cache over the same folder finds the entry");

        Ruleset reused = compilerWithCache().compile(program);
        assertEquals(compiled.version(), reused.version());
        assertEquals(compiled.tiers(), reused.tiers(), "the ladder read from reused classes is the compiled one");
        assertEquals(answerOf(compiled), answerOf(reused));
        assertTrue(answerOf(reused).contains("\"segment\":\"PREMIER\""), answerOf(reused));
    }

    @Test
    void aChangedThresholdCompilesAgainAndReplacesTheOldEntry() throws IOException {
        Path program = RuleFolders.copy("servicenow-partner", rulesDir, text -> text);
        Ruleset before = compilerWithCache().compile(program);
        List<Path> first = entries();

        RuleFolders.copy("servicenow-partner", rulesDir,
                text -> text.replace("@criterion(\"certified-staff\") @required(15)", "@criterion(\"certified-staff\") @required(16)"));
        Ruleset after = compilerWithCache().compile(program);

        assertNotEquals(before.version(), after.version());
        assertNotEquals(answerOf(before), answerOf(after), "the edited threshold is what serves");
        List<Path> second = entries();
        assertEquals(1, second.size(), "one entry per program: the old one is removed");
        assertNotEquals(first, second);
    }

    @Test
    void anEntryThatCannotBeReadIsCompiledAgainAndReplaced() throws IOException {
        Path program = RuleFolders.copy("servicenow-partner", rulesDir, text -> text);
        Ruleset compiled = compilerWithCache().compile(program);
        Path entry = entries().get(0);
        Files.write(entry, new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});

        Ruleset again = compilerWithCache().compile(program);

        assertEquals(answerOf(compiled), answerOf(again));
        assertTrue(Files.size(entry) > 1000, "the broken entry is written afresh");
    }

    @Test
    void aLinkInPlaceOfAnEntryIsNotFollowed() throws IOException {
        Path program = RuleFolders.copy("servicenow-partner", rulesDir, text -> text);
        compilerWithCache().compile(program);
        Path entry = entries().get(0);
        Path elsewhere = Files.move(entry, rulesDir.resolve("moved.zip"));
        Files.createSymbolicLink(entry, elsewhere);

        Map<String, String> sources = ProgramSources.read(program).texts();
        assertTrue(CompiledRulesCache.in(cacheDir, NOTHING_SHIPPED).load("servicenow-partner", sources, getClass().getClassLoader())
                .isEmpty());
    }

    @Test
    void theProgramsTheBuildPrecompiledStartWithoutCompilingOrWritingAnything(@TempDir Path classesDir)
            throws IOException {
        Path program = RuleFolders.copy("servicenow-partner", rulesDir, text -> text);
        RuleFolders.copy("cisco-cx", rulesDir, text -> text.replace("package rules.cisco_cx;", "package rules.cisco_cx; import java.io.File;"));
        assertEquals(1, PrecompileRules.precompile(rulesDir, classesDir), "the broken program is left out");
        Files.writeString(classesDir.resolve(CompiledRulesCache.BUNDLED + "stale@0.zip"), "from an earlier build");
        assertEquals(1, PrecompileRules.precompile(rulesDir, classesDir));
        try (Stream<Path> shipped = Files.list(classesDir.resolve(CompiledRulesCache.BUNDLED))) {
            assertEquals(1, shipped.count(), "an earlier build's entries are not shipped");
        }

        try (URLClassLoader application = new URLClassLoader(new URL[] {classesDir.toUri().toURL()}, null)) {
            RulesetCompiler startingService = new RulesetCompiler(getClass().getClassLoader(), Duration.ofSeconds(60),
                    CompiledRulesCache.in(cacheDir, application));
            Map<String, String> sources = ProgramSources.read(program).texts();
            assertTrue(CompiledRulesCache.in(cacheDir, application).load("servicenow-partner", sources,
                    getClass().getClassLoader()).isPresent());
            Ruleset shipped = startingService.compile(program);
            assertEquals(answerOf(new RulesetCompiler(getClass().getClassLoader()).compile(program)), answerOf(shipped));
        }
        assertTrue(entries().isEmpty(), "nothing was compiled, so nothing was kept in the data folder");
    }

    @Test
    void rulesTheCheckerRefusesAreNeverKept() throws IOException {
        Path program = RuleFolders.copy("servicenow-partner", rulesDir,
                text -> text.replace("scorecard.measured(drools, $actual);", "System.exit(3);"));
        try {
            compilerWithCache().compile(program);
        } catch (RulesetCompilationException expected) {
            // refused, as the checker tests show in detail
        }
        assertTrue(entries().isEmpty());
    }
}
