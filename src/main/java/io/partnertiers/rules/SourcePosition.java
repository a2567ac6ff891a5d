package io.partnertiers.rules;

/** A place in a rules file, printed the way compilers do: {@code file:line:column}. */
public record SourcePosition(String file, int line, int column) {

    /** The line and column (both from 1) of character {@code offset} of {@code text}. */
    public static SourcePosition of(String file, String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return new SourcePosition(file, line, offset - lineStart + 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
