package io.partnertiers.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnertiers.HostileRules;
import io.partnertiers.RuleFolders;

/**
 * What a CI pipeline sees when a pull request carries a hostile rules file: {@code validate}
 * exits 1, soon, naming the file and line, and nothing the file tried has happened (this JVM
 * still runs the next case, and no marker file exists).
 */
class HostileRulesValidateTest {

    /** A hang guard, not a speed target: the bound for validate on a hostile file. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    @TempDir
    Path rules;

    static List<HostileRules.Case> corpus() {
        return HostileRules.all();
    }

    @BeforeEach
    void noMarkerYet() throws IOException {
        Files.deleteIfExists(HostileRules.MARKER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldExit1NamingFileAndLineWithoutRunningAnything(HostileRules.Case hostile) throws IOException {
        hostile.writeInto(RuleFolders.copy(HostileRules.PROGRAM, rules, text -> text));
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int exit = assertTimeoutPreemptively(HANG_GUARD, () -> new ValidateCommand(
                new PrintStream(output, true, StandardCharsets.UTF_8), getClass().getClassLoader()).run(rules.toString()));

        String report = output.toString(StandardCharsets.UTF_8);
        assertEquals(ValidateCommand.LOAD_ERROR, exit, report);
        String where = HostileRules.PROGRAM + "/" + HostileRules.FILE + ":"
                + (hostile.position() == null ? "" : hostile.position() + ":");
        assertTrue(report.startsWith(where), "expected the first line to start with " + where + "\n" + report);
        assertFalse(Files.exists(HostileRules.MARKER), "the rule ran: " + HostileRules.MARKER + " exists");
    }
}
