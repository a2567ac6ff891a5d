package io.partnertiers.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.partnertiers.RuleFolders;

/**
 * Rules folders built to hang, exhaust or confuse validate (and with it start-up and reload, which
 * read folders the same way): each is refused with file and line, quickly.
 */
class HostileRulesFoldersTest {

    @TempDir
    Path temp;

    private String refused(Path rules) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new ValidateCommand(
                new PrintStream(bytes, true, StandardCharsets.UTF_8), getClass().getClassLoader()).run(rules.toString()));
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(ValidateCommand.LOAD_ERROR, exit, output);
        return output;
    }

    /** The shipped cisco-cx program (scenarios included) with one file edited. */
    private Path ciscoCx(String file, UnaryOperator<String> edit) throws IOException {
        Path rules = Files.createTempDirectory(temp, "rules");
        Path program = RuleFolders.copy("cisco-cx", rules, text -> text);
        Files.createDirectories(program.resolve("tests"));
        Files.copy(Path.of("rules/cisco-cx/tests/specializations.yaml"), program.resolve("tests/specializations.yaml"));
        Path edited = program.resolve(file);
        Files.writeString(edited, edit.apply(Files.readString(edited)));
        return rules;
    }

    @Test
    void shouldRefuseAScenarioWhoseTimesWouldMakeBillionsOfItems() throws IOException {
        Path rules = ciscoCx("tests/specializations.yaml", text -> text + """

                - name: Two billion people
                  asOf: 2026-11-24
                  partner:
                    partnerId: huge
                    people:
                      - times: 2000000000
                        each: { id: "p{n}" }
                  expect: { segment: null, nextSegment: CX_SPECIALIZATION }

                - name: Nested times
                  asOf: 2026-11-24
                  partner:
                    partnerId: nested
                    people:
                      - times: 9000
                        each: { id: "p{n}", roles: [CSM], certifications: [{ times: 100, each: { name: "c{n}" } }] }
                  expect: { segment: null, nextSegment: CX_SPECIALIZATION }
                """);

        String output = refused(rules);
        assertTrue(output.contains("times: 2000000000 would make a list of more than 10000 items"), output);
        assertTrue(output.contains("make more than 100000 items in all"), output);
    }

    @Test
    void shouldRefuseScenarioFilesThatAreNotPlainFiles() throws Exception {
        Path rules = ciscoCx("program.yaml", text -> text);
        Path tests = rules.resolve("cisco-cx/tests");
        Files.createSymbolicLink(tests.resolve("zero.yaml"), Path.of("/dev/zero"));
        assertEquals(0, new ProcessBuilder("mkfifo", tests.resolve("pipe.yaml").toString()).start().waitFor());

        String output = refused(rules);
        assertTrue(output.contains("cisco-cx/tests/pipe.yaml:0:0: is not a regular file"), output);
        assertTrue(output.contains("cisco-cx/tests/zero.yaml:0:0: is not a regular file"), output);
    }

    @Test
    void shouldRefuseAProgramFolderNamedAfterAJavaKeyword() throws IOException {
        Path rules = temp.resolve("rules");
        Files.move(RuleFolders.copy("cisco-cx", rules, text -> text), rules.resolve("class"));

        String output = refused(rules);
        assertTrue(output.contains("class/class:1:1: a program folder's name becomes the rules' package 'rules.class'"),
                output);
    }

    @Test
    void shouldRefuseMeasureArgumentsThatWouldFailWhenRun() throws IOException {
        String month = refused(ciscoCx("cx-specialization.drl", text -> text.replaceFirst(
                "peopleWithRoleCertifiedAs\\(\"CSM\", \"PROCTORED_EXAM\"\\)", "csatAverageInFiscalYear(\"SMARCH\")")));
        assertTrue(month.contains("argument 1 of 'csatAverageInFiscalYear': expected the month a fiscal year starts"),
                month);

        String rate = refused(ciscoCx("cx-specialization.drl", text -> text.replaceFirst(
                "peopleWithRoleCertifiedAs\\(\"CSM\", \"PROCTORED_EXAM\"\\)", "longestAdoptionStreak(\"NaN\")")));
        assertTrue(rate.contains("argument 1 of 'longestAdoptionStreak': expected a usage rate from \"0\" to \"1\""),
                rate);

        String self = refused(ciscoCx("cx-specialization.drl", text -> text.replaceFirst(
                "peopleWithRoleCertifiedAs\\(\"CSM\", \"PROCTORED_EXAM\"\\)", "reaches(\"cisco-cx\", \"CX_SPECIALIZATION\")")));
        assertTrue(self.contains("a program cannot ask whether a partner reaches its own tiers"), self);
    }

    @Test
    void shouldRefuseAYesNoThresholdOnAMeasureThatCounts() throws IOException {
        String output = refused(ciscoCx("cx-specialization.drl", text -> text.replaceFirst(
                "@criterion\\(\"certified-csms\"\\) @required\\(2\\)", "@criterion(\"certified-csms\") @required(true)")));

        assertTrue(output.contains("cisco-cx/cx-specialization.drl:7:1: @required(true) needs a yes/no measure, and this"
                + " one counts"), output);
    }

    @Test
    void shouldRefuseYamlEscapesThatMakeControlCharacters() throws IOException {
        String output = refused(ciscoCx("program.yaml", text -> text.replaceFirst("(?m)^name: .*$",
                "name: \"Cisco \\\\0\\\\x1b[31m\"")));

        assertTrue(output.contains("cisco-cx/program.yaml:1:1: 'name' holds a control or invisible character"), output);
    }
}
