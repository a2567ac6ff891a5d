package io.partnertiers.validate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.partnertiers.rules.Diagnostic;
import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.RulesetCompilationException;
import io.partnertiers.rules.RulesetCompiler;
import io.partnertiers.rules.RulesetRegistry;
import io.partnertiers.rules.SourcePosition;

/**
 * {@code validate <rules-dir> [--min-coverage N] [--min-boundary-coverage N] [--format pretty|json|junit|sarif]
 * [--output FILE]}: compiles and checks every program, runs every scenario, reports criterion coverage,
 * boundary coverage (threshold mutation) and ladder warnings. Exit codes, one meaning each: 0 all good;
 * 1 a program or scenario file does not load (or the arguments are wrong); 2 a scenario failed or a
 * coverage is below its minimum.
 */
public final class ValidateCommand {

    public static final int OK = 0;
    public static final int LOAD_ERROR = 1;
    public static final int CHECK_FAILED = 2;
    static final String USAGE = "usage: validate <rules-dir> [--min-coverage N] [--min-boundary-coverage N]"
            + " [--format pretty|json|junit|sarif] [--output FILE]";
    private static final List<String> FORMATS = List.of("pretty", "json", "junit", "sarif");

    private final PrintStream out;
    private final ClassLoader classLoader;

    public ValidateCommand(PrintStream out, ClassLoader classLoader) {
        this.out = out;
        this.classLoader = classLoader;
    }

    public int run(String... args) {
        Path rulesDir = null;
        Double minCoverage = null;
        Double minBoundary = null;
        String format = "pretty";
        Path output = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--min-coverage", "--min-boundary-coverage" -> {
                    if (value == null || !value.matches("\\d{1,3}(\\.\\d{1,3})?")) {
                        return usage();
                    }
                    if (args[i].equals("--min-coverage")) {
                        minCoverage = Double.parseDouble(value);
                    } else {
                        minBoundary = Double.parseDouble(value);
                    }
                    i++;
                }
                case "--format" -> {
                    if (value == null || !FORMATS.contains(value)) {
                        return usage();
                    }
                    format = value;
                    i++;
                }
                case "--output" -> {
                    if (value == null || value.isBlank() || value.startsWith("--")) {
                        return usage();
                    }
                    output = Path.of(value);
                    i++;
                }
                default -> {
                    if (rulesDir != null || args[i].startsWith("--")) {
                        return usage();
                    }
                    rulesDir = Path.of(args[i]);
                }
            }
        }
        if (rulesDir == null) {
            return usage();
        }
        ValidationReport report = validate(rulesDir, minCoverage, minBoundary);
        String written = switch (format) {
            case "json" -> ReportFormats.json(report);
            case "junit" -> ReportFormats.junit(report);
            case "sarif" -> ReportFormats.sarif(report);
            default -> ReportFormats.pretty(report);
        };
        if (output == null) {
            out.print(written);
        } else {
            try {
                Files.writeString(output, written, StandardCharsets.UTF_8);
            } catch (IOException e) {
                out.println("cannot write " + output + ": " + e.getMessage());
                return LOAD_ERROR;
            }
            out.print(ReportFormats.pretty(report));
        }
        return report.exitCode();
    }

    private int usage() {
        out.println(USAGE);
        return LOAD_ERROR;
    }

    ValidationReport validate(Path rulesDir, Double minCoverage, Double minBoundary) {
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
        String dir = rulesDir.toString();
        if (!errors.isEmpty()) {
            return new ValidationReport(dir, programs, ValidationReport.format(errors),
                    errors.stream().map(Finding::of).toList(), List.of(), 0, 0, null, minCoverage, null, minBoundary,
                    LOAD_ERROR);
        }
        List<Finding> findings = new ArrayList<>();
        rulesets.values().stream().sorted(java.util.Comparator.comparing(Ruleset::id))
                .forEach(ruleset -> findings.addAll(LadderChecks.of(ruleset)));
        ScenarioRunner runner = new ScenarioRunner(rulesets);
        List<ScenarioResult> results = scenarios.stream().map(runner::run).toList();
        results.stream().filter(r -> !r.passed()).forEach(r -> findings.add(new Finding("PT-SCENARIO", "error", r.file(),
                r.line(), 1, "scenario '" + r.name() + "' fails: " + String.join("; ", r.failures()), null)));
        int failed = (int) results.stream().filter(r -> !r.passed()).count();
        Coverage coverage = runner.coverage();
        var summary = new ValidationReport.CoverageSummary(coverage.percent(), coverage.outcomes(),
                coverage.outcomesSeen(), coverage.neverMet(), coverage.neverUnmet(), coverage.rulesNeverFired());
        BoundaryCoverage.Result mutation = BoundaryCoverage.run(rulesets, scenarios);
        List<Finding> survivors = mutation.survivors().stream().map(m -> new Finding("PT-BOUNDARY", "warning",
                m.at().file(), m.at().line(), m.at().column(), m.survivorMessage(), m.rule())).toList();
        findings.addAll(survivors);
        var boundary = new ValidationReport.BoundarySummary(mutation.percent(), mutation.mutants().size(),
                mutation.killed(), survivors);
        ValidationReport report = new ValidationReport(dir, programs, List.of(), List.copyOf(findings), results,
                results.size() - failed, failed, summary, minCoverage, boundary, minBoundary, OK);
        int exit = failed > 0 || report.coverageTooLow() || report.boundaryTooLow() ? CHECK_FAILED : OK;
        return new ValidationReport(dir, programs, List.of(), List.copyOf(findings), results, report.passed(), failed,
                summary, minCoverage, boundary, minBoundary, exit);
    }

    private static Diagnostic inProgram(String program, Diagnostic d) {
        SourcePosition p = d.position();
        return new Diagnostic(new SourcePosition(program + "/" + p.file(), p.line(), p.column()), d.message(), d.rule());
    }
}
