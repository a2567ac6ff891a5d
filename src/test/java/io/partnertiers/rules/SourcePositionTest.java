package io.partnertiers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourcePositionTest {

    private static final String TEXT = "rule \"a\"\n\n  when\n";

    @Test
    void shouldCountLinesAndColumnsFromOne() {
        assertEquals("f:1:1", SourcePosition.of("f", TEXT, 0).toString());
        assertEquals("f:1:6", SourcePosition.of("f", TEXT, 5).toString());
        assertEquals("f:2:1", SourcePosition.of("f", TEXT, 9).toString());
        assertEquals("f:3:3", SourcePosition.of("f", TEXT, TEXT.indexOf("when")).toString());
    }
}
