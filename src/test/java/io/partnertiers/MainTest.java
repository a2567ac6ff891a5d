package io.partnertiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The command line: help on demand, usage and exit 2 for what it does not know, serve by default. */
class MainTest {

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.command(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "--help", "-h"})
    void shouldPrintEveryCommandWithItsOptionsAndExit0(String help) {
        Outcome outcome = run(help);

        assertEquals(0, outcome.exit());
        assertEquals("", outcome.err());
        for (String text : new String[] {"usage: java -jar quarkus-run.jar", "serve", "validate <rules-dir>", "--min-coverage N",
                "--format pretty|json", "help, --help, -h"}) {
            assertTrue(outcome.out().contains(text), text + " missing from:\n" + outcome.out());
        }
    }

    @Test
    void shouldPrintHelpForACommandAskedAbout() {
        Outcome outcome = run("validate", "--help");

        assertEquals(0, outcome.exit());
        assertTrue(outcome.out().startsWith("usage: "), outcome.out());
    }

    @Test
    void shouldPrintUsageToStandardErrorAndExit2ForAnUnknownCommand() {
        Outcome outcome = run("frobnicate");

        assertEquals(2, outcome.exit());
        assertEquals("", outcome.out());
        assertTrue(outcome.err().startsWith("unknown command 'frobnicate'\nusage: "), outcome.err());
    }

    @Test
    void shouldRefuseAnUnknownOptionOfServeWithExit2() {
        Outcome outcome = run("serve", "--port=9090");

        assertEquals(2, outcome.exit());
        assertTrue(outcome.err().startsWith("unknown option '--port=9090' for serve\n"), outcome.err());
    }

    @Test
    void shouldServeWithNoCommandOrWithServe() {
        assertEquals(Main.SERVE, run().exit());
        assertEquals(Main.SERVE, run("serve").exit());
    }

    @Test
    void shouldRunValidate() {
        Outcome outcome = run("validate", "src/test/resources/validate/good", "--min-coverage", "100");

        assertEquals(0, outcome.exit(), outcome.out());
        assertTrue(outcome.out().endsWith("2 passed, 0 failed\n"), outcome.out());
    }
}
