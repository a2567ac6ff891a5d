package io.partnertiers.validate;

import java.util.List;

import io.partnertiers.rules.Diagnostic;

/**
 * Everything {@code validate} found, as {@code --format json} prints it.
 *
 * @param errors compile, lint and scenario-file problems, each {@code file:line:column: message}
 */
public record ValidationReport(List<String> programs, List<String> errors, List<ScenarioResult> scenarios,
        int passed, int failed, CoverageSummary coverage, Double minCoverage, int exitCode) {

    public record CoverageSummary(double percent, int outcomes, int outcomesSeen, List<String> neverMet,
            List<String> neverUnmet, List<String> rulesNeverFired) {
    }

    static List<String> format(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::toString).toList();
    }
}
