package io.partnertiers.ndjson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Lines of an NDJSON stream, each bounded in memory whatever the stream holds. */
class NdjsonLinesTest {

    private static List<NdjsonLines.Line> lines(String text, int maxLineBytes) throws IOException {
        return lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxLineBytes);
    }

    private static List<NdjsonLines.Line> lines(InputStream in, int maxLineBytes) throws IOException {
        NdjsonLines reader = new NdjsonLines(in, maxLineBytes);
        List<NdjsonLines.Line> lines = new ArrayList<>();
        for (NdjsonLines.Line line = reader.next(); line != null; line = reader.next()) {
            lines.add(line);
        }
        return lines;
    }

    private static String text(NdjsonLines.Line line) {
        return new String(line.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldSplitOnNewlinesDropCarriageReturnsAndKeepALastLineWithoutNewline() throws IOException {
        List<NdjsonLines.Line> lines = lines("{\"a\":1}\r\n{\"b\":2}\n\n{\"c\":3}", 100);

        assertEquals(List.of("{\"a\":1}", "{\"b\":2}", "", "{\"c\":3}"), lines.stream().map(NdjsonLinesTest::text).toList());
        assertEquals(List.of(1, 2, 3, 4), lines.stream().map(NdjsonLines.Line::number).toList());
        assertTrue(lines.get(2).isBlank());
        assertFalse(lines.get(0).isBlank());
    }

    @Test
    void shouldEndWithTheLastNewlineAndReadNothingFromAnEmptyStream() throws IOException {
        assertEquals(2, lines("x\ny\n", 10).size());
        assertEquals(List.of(), lines("", 10));
    }

    @Test
    void shouldSkipALineOverTheLimitWithoutHoldingItAndGoOn() throws IOException {
        List<NdjsonLines.Line> lines = lines("12345\n123456\r\n1234567890123\nok", 6);

        assertEquals("12345", text(lines.get(0)));
        assertEquals("123456", text(lines.get(1)), "a carriage return does not count against the limit");
        assertTrue(lines.get(2).tooLong());
        assertNull(lines.get(2).bytes());
        assertEquals(13, lines.get(2).length());
        assertEquals("ok", text(lines.get(3)));
        assertEquals(4, lines.get(3).number());
    }

    @Test
    void shouldReadLinesLongerThanItsBufferAcrossReads() throws IOException {
        byte[] longLine = "y".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
        byte[] body = ("short\n" + new String(longLine, StandardCharsets.US_ASCII) + "\nend\n").getBytes(StandardCharsets.US_ASCII);
        InputStream trickle = new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1_000)); // as a network hands it over
            }
        };

        List<NdjsonLines.Line> lines = lines(trickle, 300_000);

        assertEquals(3, lines.size());
        assertArrayEquals(longLine, lines.get(1).bytes());
        assertEquals("end", text(lines.get(2)));
    }

    @Test
    void shouldNotExhaustMemoryOnAnEndlessLine() throws IOException {
        long endless = 512L * 1024 * 1024; // more than a test JVM's heap would hold as one array
        InputStream noNewline = new InputStream() {
            private long left = endless;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };

        List<NdjsonLines.Line> lines = lines(noNewline, 4 * 1024 * 1024);

        assertEquals(1, lines.size());
        assertTrue(lines.get(0).tooLong());
        assertEquals(endless, lines.get(0).length());
    }
}
