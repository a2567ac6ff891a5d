package io.partnertiers.impact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.partnertiers.validate.JunitXml;

/** The impact report for people ({@code pretty}), scripts ({@code json}) and CI systems ({@code junit}). */
final class ImpactFormats {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ImpactFormats() {
    }

    static String pretty(ImpactReport report) {
        StringBuilder text = new StringBuilder();
        text.append("impact of ").append(report.rules()).append(" against ").append(report.base()).append(": ")
                .append(report.partners()).append(" partner(s), ").append(report.changed()).append(" changed (")
                .append(report.promoted()).append(" promoted, ").append(report.demoted()).append(" demoted)");
        if (!report.skipped().isEmpty()) {
            text.append(", ").append(report.skipped().size()).append(" line(s) skipped");
        }
        text.append('\n');
        report.matrix().forEach((program, counts) -> {
            text.append(program).append(":\n");
            counts.forEach((move, count) -> text.append("    ").append(move).append(": ").append(count).append('\n'));
        });
        for (PartnerChange change : report.changes()) {
            text.append(describe(change)).append('\n');
            for (PartnerChange.CriterionMove move : change.criteria()) {
                text.append("    ").append(move.tier()).append(' ').append(move.criterion()).append(": required ")
                        .append(shown(move.requiredBefore())).append(" -> ").append(shown(move.requiredAfter()))
                        .append(", actual ").append(shown(move.actualBefore())).append(" -> ")
                        .append(shown(move.actualAfter())).append(", ").append(move.metBefore() ? "met" : "unmet")
                        .append(" -> ").append(move.metAfter() ? "met" : "unmet").append('\n');
            }
        }
        report.skipped().forEach(s -> text.append("line ").append(s.line()).append(": skipped: ").append(s.reason())
                .append('\n'));
        return text.toString();
    }

    private static String describe(PartnerChange change) {
        return "line " + change.line() + ": " + change.program() + " " + change.partnerId() + " (" + change.asOf()
                + "): " + shown(change.before()) + " -> " + shown(change.after()) + " ("
                + change.direction().name().toLowerCase(Locale.ROOT) + ")";
    }

    private static String shown(Object value) {
        return value == null ? "none" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    static String json(ImpactReport report) {
        try {
            return JSON.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the impact report as JSON", e);
        }
    }

    /** One test case per program (its matrix), and one per partner that moved, failing as --fail-on says. */
    static String junit(ImpactReport report, String failOn) {
        List<JunitXml.TestCase> cases = new ArrayList<>();
        report.matrix().forEach((program, counts) -> {
            StringBuilder matrix = new StringBuilder();
            counts.forEach((move, count) -> matrix.append(move).append(": ").append(count).append('\n'));
            cases.add(JunitXml.TestCase.passed(program, "segments before -> after", 0, matrix.toString()));
        });
        for (PartnerChange change : report.changes()) {
            boolean fails = "change".equals(failOn)
                    || "demotion".equals(failOn) && change.direction() == PartnerChange.Direction.DEMOTION;
            cases.add(new JunitXml.TestCase(change.program(), change.partnerId() + " (line " + change.line() + ")", 0,
                    fails ? "PT-IMPACT" : null, fails ? describe(change) : null, null, describe(change)));
        }
        report.skipped().forEach(line -> cases.add(new JunitXml.TestCase("partners", "line " + line.line(), 0, null,
                null, line.reason(), null)));
        return JunitXml.write("partner-tiers impact " + report.rules(), Map.of("impact", cases));
    }
}
