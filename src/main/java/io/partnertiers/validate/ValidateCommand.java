package io.partnertiers.validate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.partnertiers.rules.Diagnostic;
import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.RulesetCompilationException;
import io.partnertiers.rules.RulesetCompiler;
import io.partnertiers.rules.RulesetRegistry;
import io.partnertiers.rules.SourcePosition;

/**
 * {@code validate <rules-dir> [--min-coverage N] [--format pretty|json]}: compiles and lints every
 * program, runs every scenario, reports coverage. Exit codes, one meaning each: 0 all good;
 * 1 a program or scenario file does not load; 2 a scenario failed or coverage is below N %.
 */
public final class ValidateCommand {

    public static final int OK = 0;
    public static final int LOAD_ERROR = 1;
    public static final int CHECK_FAILED = 2;
    static final String USAGE = "usage: validate <rules-dir> [--min-coverage N] [--format pretty|json]";

    private final PrintStream out;
    private final ClassLoader classLoader;

    public ValidateCommand(PrintStream out, ClassLoader classLoader) {
        this.out = out;
        this.classLoader = classLoader;
    }

    public int run(String... args) {
        Path rulesDir = null;
        Double minCoverage = null;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--min-coverage" -> {
                    if (i + 1 >= args.length || !args[i + 1].matches("\\d+(\\.\\d+)?")) {
                        out.println(USAGE);
                        return LOAD_ERROR;
                    }
                    minCoverage = Double.parseDouble(args[++i]);
                }
                case "--format" -> {
                    if (i + 1 >= args.length || !List.of("pretty", "json").contains(args[i + 1])) {
                        out.println(USAGE);
                        return LOAD_ERROR;
                    }
                    json = args[++i].equals("json");
                }
                default -> {
                    if (rulesDir != null || args[i].startsWith("--")) {
                        out.println(USAGE);
                        return LOAD_ERROR;
                    }
                    rulesDir = Path.of(args[i]);
                }
            }
        }
        if (rulesDir == null) {
            out.println(USAGE);
            return LOAD_ERROR;
        }
        ValidationReport report = validate(rulesDir, minCoverage);
        out.print(json ? asJson(report) : asText(report));
        return report.exitCode();
    }

    ValidationReport validate(Path rulesDir, Double minCoverage) {
        List<Diagnostic> errors = new ArrayList<>();
        Map<String, Ruleset> rulesets = Map.of();
        if (!Files.isDirectory(rulesDir)) {
            errors.add(new Diagnostic(new SourcePosition(rulesDir.toString(), 0, 0), "not a folder", null));
        } else {
            RulesetRegistry.Loaded loaded = RulesetRegistry.loadAll(rulesDir, new RulesetCompiler(classLoader));
            rulesets = loaded.programs();
            for (RulesetCompilationException failure : loaded.failures()) {
                failure.diagnostics().forEach(d -> errors.add(inProgram(failure.programId(), d)));
            }
        }
        List<Scenario> scenarios = new ArrayList<>();
        if (Files.isDirectory(rulesDir)) {
            try {
                scenarios = ScenarioFiles.read(rulesDir, errors);
            } catch (IOException e) {
                errors.add(new Diagnostic(new SourcePosition(rulesDir.toString(), 0, 0), e.toString(), null));
            }
        }
        List<String> programs = rulesets.keySet().stream().sorted().toList();
        if (!errors.isEmpty()) {
            return new ValidationReport(programs, ValidationReport.format(errors), List.of(), 0, 0, null, minCoverage,
                    LOAD_ERROR);
        }
        ScenarioRunner runner = new ScenarioRunner(rulesets);
        List<ScenarioResult> results = scenarios.stream().map(runner::run).toList();
        int failed = (int) results.stream().filter(r -> !r.passed()).count();
        Coverage coverage = runner.coverage();
        var summary = new ValidationReport.CoverageSummary(coverage.percent(), coverage.outcomes(),
                coverage.outcomesSeen(), coverage.neverMet(), coverage.neverUnmet(), coverage.rulesNeverFired());
        boolean coverageTooLow = minCoverage != null && coverage.percent() < minCoverage;
        int exit = failed > 0 || coverageTooLow ? CHECK_FAILED : OK;
        return new ValidationReport(programs, List.of(), results, results.size() - failed, failed, summary, minCoverage,
                exit);
    }

    private static Diagnostic inProgram(String program, Diagnostic d) {
        SourcePosition p = d.position();
        return new Diagnostic(new SourcePosition(program + "/" + p.file(), p.line(), p.column()), d.message(), d.rule());
    }

    static String asText(ValidationReport report) {
        StringBuilder text = new StringBuilder();
        if (!report.errors().isEmpty()) {
            report.errors().forEach(e -> text.append(e).append('\n'));
            text.append(report.errors().size()).append(" error(s): the rules do not load\n");
            return text.toString();
        }
        text.append("compiled ").append(report.programs().size()).append(" program(s): ")
                .append(String.join(", ", report.programs())).append('\n');
        for (ScenarioResult r : report.scenarios()) {
            text.append(r.file()).append(':').append(r.line()).append(": ").append(r.name()).append(": ")
                    .append(r.passed() ? "PASS" : "FAIL").append(" (").append(duration(r.micros())).append(")\n");
            r.failures().forEach(f -> text.append("    ").append(f).append('\n'));
        }
        var c = report.coverage();
        text.append(String.format("coverage: %.1f%% (%d of %d criterion outcomes seen)%n", c.percent(), c.outcomesSeen(),
                c.outcomes()));
        c.neverMet().forEach(k -> text.append("    never met:   ").append(k).append('\n'));
        c.neverUnmet().forEach(k -> text.append("    never unmet: ").append(k).append('\n'));
        c.rulesNeverFired().forEach(k -> text.append("    never fired: ").append(k).append('\n'));
        if (report.minCoverage() != null && c.percent() < report.minCoverage()) {
            text.append(String.format("coverage %.1f%% is below the minimum of %s%%%n", c.percent(),
                    report.minCoverage()));
        }
        text.append(report.passed()).append(" passed, ").append(report.failed()).append(" failed\n");
        return text.toString();
    }

    private static String duration(long micros) {
        return micros >= 1000 ? String.format("%.1f ms", micros / 1000.0) : micros + " µs";
    }

    private static String asJson(ValidationReport report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the report as JSON", e);
        }
    }
}
