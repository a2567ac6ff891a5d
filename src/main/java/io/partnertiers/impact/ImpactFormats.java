package io.partnertiers.impact;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

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
        try {
            StringWriter text = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
            int cases = report.matrix().size() + report.changes().size() + report.skipped().size();
            long failures = report.changes().stream().filter(c -> fails(c, failOn)).count();
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "partner-tiers impact " + report.rules());
            counts(xml, cases, failures);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "impact");
            counts(xml, cases, failures);
            for (Map.Entry<String, Map<String, Integer>> program : report.matrix().entrySet()) {
                StringBuilder matrix = new StringBuilder();
                program.getValue().forEach((move, count) -> matrix.append(move).append(": ").append(count).append('\n'));
                testCase(xml, program.getKey(), "segments before -> after", null, matrix.toString());
            }
            for (PartnerChange change : report.changes()) {
                testCase(xml, change.program(), change.partnerId() + " (line " + change.line() + ")",
                        fails(change, failOn) ? describe(change) : null, describe(change));
            }
            for (ImpactReport.SkippedLine line : report.skipped()) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "partners");
                xml.writeAttribute("name", "line " + line.line());
                xml.writeAttribute("time", "0");
                xml.writeStartElement("skipped");
                xml.writeAttribute("message", line.reason());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return text + "\n";
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the impact report as JUnit XML", e);
        }
    }

    private static boolean fails(PartnerChange change, String failOn) {
        return "change".equals(failOn) || "demotion".equals(failOn)
                && change.direction() == PartnerChange.Direction.DEMOTION;
    }

    private static void counts(XMLStreamWriter xml, int tests, long failures) throws XMLStreamException {
        xml.writeAttribute("tests", String.valueOf(tests));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("time", "0");
    }

    private static void testCase(XMLStreamWriter xml, String classname, String name, String failure, String output)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", classname);
        xml.writeAttribute("name", name);
        xml.writeAttribute("time", "0");
        if (failure != null) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", failure);
            xml.writeAttribute("type", "PT-IMPACT");
            xml.writeCharacters(failure);
            xml.writeEndElement();
        }
        xml.writeStartElement("system-out");
        xml.writeCharacters(output);
        xml.writeEndElement();
        xml.writeEndElement();
    }
}
