package io.partnertiers.rules;

/** A place in a rules file, printed the way compilers do: {@code file:line:column}. */
public record SourcePosition(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
