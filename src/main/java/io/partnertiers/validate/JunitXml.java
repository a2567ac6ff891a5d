package io.partnertiers.validate;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** JUnit XML, the report format CI systems display, for the validate and impact commands. */
public final class JunitXml {

    /**
     * One test case; at most one of {@code failure} and {@code skipped} is set.
     *
     * @param failureType the rule id or kind of failure, shown by CI systems beside the message
     */
    public record TestCase(String classname, String name, double seconds, String failureType, String failure,
            String skipped, String output) {

        public static TestCase passed(String classname, String name, double seconds, String output) {
            return new TestCase(classname, name, seconds, null, null, null, output);
        }
    }

    private JunitXml() {
    }

    /** @param suites test cases by suite name, in the order they are to appear */
    public static String write(String name, Map<String, List<TestCase>> suites) {
        try {
            StringWriter text = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", name);
            counts(xml, suites.values().stream().flatMap(List::stream).toList());
            for (Map.Entry<String, List<TestCase>> suite : suites.entrySet()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", suite.getKey());
                counts(xml, suite.getValue());
                for (TestCase c : suite.getValue()) {
                    testCase(xml, c);
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return text + "\n";
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the report as JUnit XML", e);
        }
    }

    private static void testCase(XMLStreamWriter xml, TestCase c) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", c.classname());
        xml.writeAttribute("name", c.name());
        xml.writeAttribute("time", seconds(c.seconds()));
        if (c.failure() != null) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", c.failure().lines().findFirst().orElse(""));
            xml.writeAttribute("type", c.failureType());
            xml.writeCharacters(c.failure());
            xml.writeEndElement();
        } else if (c.skipped() != null) {
            xml.writeStartElement("skipped");
            xml.writeAttribute("message", c.skipped());
            xml.writeEndElement();
        }
        if (c.output() != null) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(c.output());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void counts(XMLStreamWriter xml, List<TestCase> cases) throws XMLStreamException {
        xml.writeAttribute("tests", String.valueOf(cases.size()));
        xml.writeAttribute("failures", String.valueOf(cases.stream().filter(c -> c.failure() != null).count()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(cases.stream().filter(c -> c.skipped() != null).count()));
        xml.writeAttribute("time", seconds(cases.stream().mapToDouble(TestCase::seconds).sum()));
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.6f", seconds);
    }
}
