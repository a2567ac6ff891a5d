package io.partnertiers.validate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The four ways {@code validate} prints its report: {@code pretty} for people, {@code json} for scripts,
 * {@code junit} (JUnit XML, one test case per program load, scenario and check) and {@code sarif}
 * (SARIF 2.1.0, one result per finding) for CI systems.
 */
final class ReportFormats {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportFormats() {
    }

    static String pretty(ValidationReport report) {
        StringBuilder text = new StringBuilder();
        if (!report.errors().isEmpty()) {
            report.errors().forEach(e -> text.append(e).append('\n'));
            text.append(report.errors().size()).append(" error(s): the rules do not load\n");
            return text.toString();
        }
        text.append("compiled ").append(report.programs().size()).append(" program(s): ")
                .append(String.join(", ", report.programs())).append('\n');
        report.findings().stream().filter(f -> f.ruleId().equals("PT-LADDER-ORDER"))
                .forEach(f -> text.append(f).append(" [warning]\n"));
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
        if (report.coverageTooLow()) {
            text.append(String.format("coverage %.1f%% is below the minimum of %s%%%n", c.percent(),
                    report.minCoverage()));
        }
        var b = report.boundary();
        text.append(String.format("boundary coverage: %.1f%% (%d of %d threshold mutants noticed by a scenario)%n",
                b.percent(), b.killed(), b.mutants()));
        b.survivors().forEach(s -> text.append("    ").append(s).append('\n'));
        if (report.boundaryTooLow()) {
            text.append(String.format("boundary coverage %.1f%% is below the minimum of %s%%%n", b.percent(),
                    report.minBoundaryCoverage()));
        }
        text.append(report.passed()).append(" passed, ").append(report.failed()).append(" failed\n");
        return text.toString();
    }

    private static String duration(long micros) {
        return micros >= 1000 ? String.format("%.1f ms", micros / 1000.0) : micros + " µs";
    }

    static String json(ValidationReport report) {
        try {
            return JSON.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the report as JSON", e);
        }
    }

    // --- JUnit XML -------------------------------------------------------------------------------

    static String junit(ValidationReport report) {
        Map<String, List<JunitXml.TestCase>> suites = new LinkedHashMap<>();
        List<JunitXml.TestCase> loading = suites.computeIfAbsent("load", s -> new java.util.ArrayList<>());
        Map<String, List<Finding>> errorsByProgram = report.findings().stream().filter(f -> f.level().equals("error")
                && !f.ruleId().equals("PT-SCENARIO")).collect(Collectors.groupingBy(ReportFormats::programOf,
                        LinkedHashMap::new, Collectors.toList()));
        String compiles = "compiles and passes the rule checker";
        for (String program : report.programs()) {
            loading.add(JunitXml.TestCase.passed(program, compiles, 0, null));
        }
        errorsByProgram.forEach((program, errors) -> loading.add(new JunitXml.TestCase(program, compiles, 0,
                errors.get(0).ruleId(), lines(errors), null, null)));
        List<JunitXml.TestCase> scenarios = suites.computeIfAbsent("scenarios", s -> new java.util.ArrayList<>());
        for (ScenarioResult r : report.scenarios()) {
            scenarios.add(new JunitXml.TestCase(r.program(), r.name(), r.micros() / 1e6, r.passed() ? null : "PT-SCENARIO",
                    r.passed() ? null : r.file() + ":" + r.line() + ": " + String.join("\n", r.failures()), null, null));
        }
        if (report.coverage() != null) {
            List<JunitXml.TestCase> checks = suites.computeIfAbsent("checks", s -> new java.util.ArrayList<>());
            var c = report.coverage();
            String seen = String.format("%.1f%% (%d of %d criterion outcomes seen)", c.percent(), c.outcomesSeen(),
                    c.outcomes());
            checks.add(new JunitXml.TestCase("validate", "criterion coverage", 0,
                    report.coverageTooLow() ? "PT-COVERAGE" : null,
                    report.coverageTooLow() ? seen + ", below the minimum of " + report.minCoverage() + "%" : null, null,
                    seen));
            var b = report.boundary();
            String noticed = String.format("%.1f%% (%d of %d threshold mutants noticed)", b.percent(), b.killed(),
                    b.mutants());
            checks.add(new JunitXml.TestCase("validate", "boundary coverage", 0,
                    report.boundaryTooLow() ? "PT-COVERAGE" : null,
                    report.boundaryTooLow() ? noticed + ", below the minimum of " + report.minBoundaryCoverage() + "%\n"
                            + lines(b.survivors()) : null, null,
                    noticed + (b.survivors().isEmpty() ? "" : "\n" + lines(b.survivors()))));
            List<Finding> order = report.findings().stream().filter(f -> f.ruleId().equals("PT-LADDER-ORDER")).toList();
            checks.add(JunitXml.TestCase.passed("validate", "ladder order", 0, order.isEmpty() ? null : lines(order)));
        }
        return JunitXml.write("partner-tiers validate " + report.rulesDir(), suites);
    }

    private static String programOf(Finding finding) {
        int slash = finding.file().indexOf('/');
        return slash < 0 ? finding.file() : finding.file().substring(0, slash);
    }

    private static String lines(List<Finding> findings) {
        return findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
    }

    // --- SARIF 2.1.0 ---------------------------------------------------------------------------

    static String sarif(ValidationReport report) {
        ObjectNode log = NODES.objectNode();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "partner-tiers validate");
        driver.put("informationUri", "https://github.com/partner-tiers/partner-tiers/blob/main/rules/README.md");
        ArrayNode rules = driver.putArray("rules");
        for (Finding.Kind kind : Finding.KINDS) {
            ObjectNode rule = rules.addObject();
            rule.put("id", kind.id());
            rule.putObject("shortDescription").put("text", kind.description());
            rule.putObject("defaultConfiguration").put("level",
                    kind.id().equals("PT-BOUNDARY") || kind.id().equals("PT-LADDER-ORDER") ? "warning" : "error");
        }
        String base = Path.of(report.rulesDir()).normalize().toString().replace('\\', '/');
        ArrayNode results = run.putArray("results");
        for (Finding finding : report.findings()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", finding.ruleId());
            result.put("ruleIndex", indexOf(finding.ruleId()));
            result.put("level", finding.level());
            result.putObject("message").put("text", finding.message()
                    + (finding.rule() == null ? "" : " (rule \"" + finding.rule() + "\")"));
            ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
            location.putObject("artifactLocation").put("uri", (base.isEmpty() || base.equals(".") ? "" : base + "/")
                    + finding.file());
            if (finding.line() > 0) {
                ObjectNode region = location.putObject("region");
                region.put("startLine", finding.line());
                if (finding.column() > 0) {
                    region.put("startColumn", finding.column());
                }
            }
        }
        try {
            return JSON.writeValueAsString(log) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the report as SARIF", e);
        }
    }

    private static int indexOf(String ruleId) {
        for (int i = 0; i < Finding.KINDS.size(); i++) {
            if (Finding.KINDS.get(i).id().equals(ruleId)) {
                return i;
            }
        }
        return -1;
    }
}
