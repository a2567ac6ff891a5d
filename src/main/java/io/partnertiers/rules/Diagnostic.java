package io.partnertiers.rules;

/** One problem found while loading a program, with where it is and, when known, in which rule. */
public record Diagnostic(SourcePosition position, String message, String rule) {

    @Override
    public String toString() {
        return position + ": " + message + (rule == null ? "" : " (rule \"" + rule + "\")");
    }
}
