package io.partnertiers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lint that stands between a rules folder and the unsandboxed Drools compiler. */
class DrlLinterTest {

    private static final String RULE = """
            package rules.test;

            import io.partnertiers.facts.Partner;

            global io.partnertiers.evaluation.Scorecard scorecard;

            rule "Basic: staff"
                @tier("BASIC") @criterion("certified-staff") @required(1)
            when
                Partner( $actual : certifiedStaff )
            then
                scorecard.measured(drools, $actual);
            end
            """;

    private static List<Diagnostic> lint(String drl) {
        return new DrlLinter().lint(Map.of("tiers.drl", drl));
    }

    @Test
    void shouldPassEveryShippedProgram() throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                all.put(file.toString(), Files.readString(file));
            }
        }
        assertEquals(List.of(), new DrlLinter().lint(all));
    }

    @Test
    void shouldPassTheIdiomOfTheGuide() {
        assertEquals(List.of(), lint(RULE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "import java.io.File;|3|8|import of java.io.File is not allowed",
            "import java.lang.reflect.Method;|3|8|'java.lang.reflect': reflection",
            "import static java.lang.System.exit;|3|25|'System.': System is off limits",
            "import org.kie.api.runtime.KieSession;|3|8|import of org.kie.api.runtime.KieSession is not allowed"})
    void shouldRefuseImportsOutsideTheAllowList(String line, int lineNumber, int column, String message) {
        List<Diagnostic> problems = lint(RULE.replace("import io.partnertiers.facts.Partner;", line));

        assertTrue(problems.stream().anyMatch(d -> d.position().line() == lineNumber
                && d.position().column() == column && d.message().startsWith(message)), problems.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "System.exit(1);|'System.': System is off limits",
            "Runtime.getRuntime().exec(\"rm\");|'Runtime': Runtime is off limits",
            "new ProcessBuilder(\"sh\").start();|'ProcessBuilder'",
            "new Thread(() -> {}).start();|'Thread': threads",
            "Class.forName(\"x\");|'Class.forName': reflection",
            "$actual.getClass();|'.getClass(': reflection",
            "java.nio.file.Files.delete(null);|'java.nio': files and network",
            "insert(new Object());|'insert(': rules only measure",
            "drools.halt();|'drools.halt': rules only measure"})
    void shouldRefuseEscapesFromTheConsequence(String statement, String message) {
        List<Diagnostic> problems = lint(RULE.replace("scorecard.measured(drools, $actual);", statement));

        Diagnostic problem = problems.stream().filter(d -> d.message().startsWith(message)).findFirst()
                .orElseThrow(() -> new AssertionError(problems.toString()));
        assertEquals("tiers.drl:12:" + (5 + statement.indexOf(message.substring(1, 3))), problem.position().toString());
        assertEquals("Basic: staff", problem.rule());
    }

    @Test
    void shouldRefuseFunctionsQueriesAndOtherGlobals() {
        String drl = RULE + """

                function int seven() { return 7; }

                query "everyone" Partner() end

                global java.util.List leaks;
                """;

        List<String> messages = lint(drl).stream().map(Diagnostic::toString).toList();

        assertTrue(messages.stream().anyMatch(m -> m.startsWith("tiers.drl:15:1: 'function'")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("tiers.drl:17:1: 'query'")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("tiers.drl:19:8: the only global")), messages.toString());
    }

    @Test
    void shouldIgnoreCommentsAndStrings() {
        String drl = RULE.replace("rule \"Basic: staff\"", "// System.exit(0) would be bad\nrule \"Basic: System.exit\"");

        assertEquals(List.of(), lint(drl));
    }

    @Test
    void shouldStopCompilationOfAFolderThatFailsTheLint(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path program = Files.createDirectories(dir.resolve("test-program"));
        Files.writeString(program.resolve("program.yaml"), RulesetCompilerTest.DESCRIPTOR);
        Files.writeString(program.resolve("tiers.drl"), RulesetCompilerTest.VALID_RULES
                .replaceFirst("scorecard.measured\\(drools, \\$actual\\);", "System.exit(3);"));

        RulesetCompilationException failure = org.junit.jupiter.api.Assertions.assertThrows(
                RulesetCompilationException.class,
                () -> new RulesetCompiler(getClass().getClassLoader()).compile(program));

        assertEquals(1, failure.diagnostics().size(), failure.getMessage());
        assertTrue(failure.diagnostics().get(0).toString().startsWith("tiers.drl:12:5: 'System.'"), failure.getMessage());
    }
}
