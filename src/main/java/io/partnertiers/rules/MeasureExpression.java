package io.partnertiers.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the one constraint a criterion rule may hold, {@code $actual : measure} or
 * {@code $actual : measure("literal", 90, …)}, with a tokenizer that knows nothing else: any
 * other token (an operator, a dot, a comment, a second binding) is rejected where it stands.
 * Grammar:
 * <pre>
 *   constraint := "$actual" ":" identifier [ "(" literal { "," literal } ")" ]
 *   literal    := '"' { any character but '"', '\' and line breaks } '"' | digits [ "." digits ]
 * </pre>
 */
final class MeasureExpression {

    static final String BINDING = "$actual";

    /** A literal argument: {@code value} without quotes, {@code source} as written. */
    record Literal(boolean text, String value, String source) {
    }

    /**
     * A measure as the rule wrote it; {@code hasArguments} is true for {@code name(…)}, even
     * {@code name()}; {@code offset} is where its name starts in the expression.
     */
    record Call(String measure, boolean hasArguments, List<Literal> arguments, int offset) {
    }

    /** A rejected constraint: what is wrong, at which character of the expression. */
    static final class Rejected extends Exception {

        private final int offset;

        Rejected(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }

        int offset() {
            return offset;
        }
    }

    private final String text;
    private int position;

    private MeasureExpression(String text) {
        this.text = text;
    }

    static Call parse(String expression) throws Rejected {
        return new MeasureExpression(expression).constraint();
    }

    private Call constraint() throws Rejected {
        skipSpaces();
        int start = position;
        if (!text.startsWith(BINDING, position) || isIdentifierPart(charAt(position + BINDING.length()))) {
            throw new Rejected(start, "a criterion binds the measure to $actual: write Partner( $actual : <measure> )");
        }
        position += BINDING.length();
        expect(':', "expected ':' after $actual");
        skipSpaces();
        int measureOffset = position;
        String measure = identifier();
        List<Literal> arguments = new ArrayList<>();
        skipSpaces();
        boolean hasArguments = charAt(position) == '(';
        if (hasArguments) {
            position++;
            skipSpaces();
            if (charAt(position) != ')') {
                arguments.add(literal());
                skipSpaces();
                while (charAt(position) == ',') {
                    position++;
                    arguments.add(literal());
                    skipSpaces();
                }
            }
            expect(')', "expected ',' or ')' in the arguments of " + measure);
        }
        skipSpaces();
        if (position < text.length()) {
            throw new Rejected(position, "unexpected '" + excerpt() + "' after the measure: a criterion measures"
                    + " one thing, with no operators, comparisons or further constraints (the threshold is @required)");
        }
        return new Call(measure, hasArguments, List.copyOf(arguments), measureOffset);
    }

    private String identifier() throws Rejected {
        skipSpaces();
        int start = position;
        if (!(charAt(position) < 128 && Character.isLetter(charAt(position)))) {
            throw new Rejected(position, "expected a measure name, found '" + excerpt() + "'");
        }
        while (isIdentifierPart(charAt(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    private Literal literal() throws Rejected {
        skipSpaces();
        int start = position;
        char c = charAt(position);
        if (c == '"') {
            position++;
            while (position < text.length() && text.charAt(position) != '"') {
                char inside = text.charAt(position);
                if (inside == '\\' || inside == '\n' || inside == '\r') {
                    throw new Rejected(position, "a text argument cannot hold backslashes or line breaks");
                }
                position++;
            }
            if (position >= text.length()) {
                throw new Rejected(start, "unterminated text argument");
            }
            position++;
            String source = text.substring(start, position);
            return new Literal(true, source.substring(1, source.length() - 1), source);
        }
        if (c >= '0' && c <= '9') {
            while (Character.isDigit(charAt(position)) || charAt(position) == '.' && Character.isDigit(charAt(position + 1))) {
                position++;
            }
            if (isIdentifierPart(charAt(position))) {
                throw new Rejected(position, "a number argument is digits only, found '" + excerpt() + "'");
            }
            String source = text.substring(start, position);
            return new Literal(false, source, source);
        }
        throw new Rejected(position, "expected a literal argument (a number, or a text in double quotes), found '"
                + excerpt() + "'");
    }

    private void expect(char expected, String message) throws Rejected {
        skipSpaces();
        if (charAt(position) != expected) {
            throw new Rejected(position, message + ", found '" + excerpt() + "'");
        }
        position++;
    }

    private void skipSpaces() {
        while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '\t'
                || text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
            position++;
        }
    }

    private char charAt(int index) {
        return index < text.length() ? text.charAt(index) : 0;
    }

    private static boolean isIdentifierPart(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    private String excerpt() {
        if (position >= text.length()) {
            return "end of constraint";
        }
        int end = Math.min(text.length(), position + 20);
        return text.substring(position, end);
    }
}
