package io.partnertiers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Rule files written to break out of the rules language: each tries to leave {@link #MARKER} on
 * disk, stop the JVM, sleep or loop if it were ever compiled and run. They replace
 * {@code iped-cs-readiness/stages.drl}, a program of one file. Most are committed under
 * {@code src/test/resources/hostile-rules} with the position the checker must report
 * ({@code expected-positions.tsv}); the ones too large or too odd to commit are made here.
 */
public final class HostileRules {

    public static final Path MARKER = Path.of("/tmp/partner-tiers-hostile-marker");
    public static final String PROGRAM = "iped-cs-readiness";
    public static final String FILE = "stages.drl";

    private static final Path CORPUS = Path.of("src/test/resources/hostile-rules");

    private HostileRules() {
    }

    /**
     * One hostile rules file.
     *
     * @param position {@code line:column} the first diagnostic must name
     */
    public record Case(String name, Writer writer, String position) {

        /** Puts this case's file in place of {@code stages.drl} in {@code programDir}. */
        public void writeInto(Path programDir) {
            try {
                Path file = programDir.resolve(FILE);
                Files.deleteIfExists(file);
                writer.write(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    public interface Writer {
        void write(Path file) throws IOException;
    }

    public static List<Case> all() {
        List<Case> cases = new ArrayList<>(committed());
        String header = "package rules.iped_cs_readiness;\n\nimport io.partnertiers.facts.Partner;\n\n"
                + "global io.partnertiers.evaluation.Scorecard scorecard;\n";
        cases.add(new Case("ten-megabyte-file", file -> Files.write(file,
                (header + "// padding\n".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8)), "1:1"));
        cases.add(new Case("not-utf-8", file -> Files.write(file, new byte[] {'p', 'a', (byte) 0xC3, '(', '\n'}), "1:1"));
        cases.add(new Case("byte-order-mark", file -> Files.writeString(file, "\uFEFF" + header), "1:1"));
        cases.add(new Case("twenty-thousand-brackets-on-short-lines", file -> Files.writeString(file, header
                + "rule \"Deep\"\n    @tier(\"FORMULATING\") @criterion(\"readiness-points\") @required(0)\nwhen\n"
                + "    Partner( $actual : " + "(\n".repeat(20_000) + "readinessPoints" + ")\n".repeat(20_000)
                + " )\nthen\n    scorecard.measured(drools, $actual);\nend\n"), "16:1"));
        cases.add(new Case("symbolic-link-to-a-system-file", file -> Files.createSymbolicLink(file,
                Path.of("/etc/hostname")), "1:1"));
        cases.add(new Case("six-hundred-rules", file -> {
            StringBuilder rules = new StringBuilder(header);
            for (int i = 1; i <= 600; i++) {
                rules.append("\nrule \"Points ").append(i).append("\"\n    @tier(\"FORMULATING\") @criterion(\"readiness-points\")")
                        .append(" @required(0)\nwhen\n    Partner( $actual : readinessPoints )\nthen\n")
                        .append("    scorecard.measured(drools, $actual);\nend\n");
            }
            Files.writeString(file, rules);
        }, null));
        return cases;
    }

    private static List<Case> committed() {
        Map<String, String> positions = new TreeMap<>();
        try (Stream<String> lines = Files.lines(CORPUS.resolve("expected-positions.tsv"))) {
            lines.map(line -> line.split("\t")).forEach(fields -> positions.put(fields[0], fields[1]));
            List<Case> cases = new ArrayList<>();
            try (Stream<Path> files = Files.list(CORPUS)) {
                for (Path source : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                    String name = source.getFileName().toString();
                    if (!positions.containsKey(name)) {
                        throw new IllegalStateException("no expected position for " + name + " in expected-positions.tsv");
                    }
                    cases.add(new Case(name, file -> Files.copy(source, file), positions.get(name)));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
