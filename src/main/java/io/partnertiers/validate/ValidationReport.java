package io.partnertiers.validate;

import java.util.List;

import io.partnertiers.rules.Diagnostic;

/**
 * Everything {@code validate} found, as {@code --format json} prints it.
 *
 * @param errors compile, lint and scenario-file problems, each {@code file:line:column: message}
 * @param findings every error and warning with its place and rule id, as the JUnit and SARIF reports carry them
 * @param boundary null when the rules did not load
 */
public record ValidationReport(String rulesDir, List<String> programs, List<String> errors, List<Finding> findings,
        List<ScenarioResult> scenarios, int passed, int failed, CoverageSummary coverage, Double minCoverage,
        BoundarySummary boundary, Double minBoundaryCoverage, int exitCode) {

    public record CoverageSummary(double percent, int outcomes, int outcomesSeen, List<String> neverMet,
            List<String> neverUnmet, List<String> rulesNeverFired) {
    }

    /** Threshold mutation: how many moved thresholds some scenario noticed, and the ones none did. */
    public record BoundarySummary(double percent, int mutants, int killed, List<Finding> survivors) {
    }

    static List<String> format(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::toString).toList();
    }

    boolean coverageTooLow() {
        return coverage != null && minCoverage != null && coverage.percent() < minCoverage;
    }

    boolean boundaryTooLow() {
        return boundary != null && minBoundaryCoverage != null && boundary.percent() < minBoundaryCoverage;
    }
}
