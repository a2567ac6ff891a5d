package io.partnertiers.rules;

import java.util.List;

/**
 * The first gate of the rule checker, run on the raw text before any parser sees it: bounded
 * size, line length and bracket nesting, and only printable characters. Java reads unicode
 * escapes ({@code \u0022}) before it lexes anything, so a consequence or a rule name could
 * otherwise say one thing to our checks and another to the compiler; and bidi overrides or
 * zero-width characters make a file read differently from what it does.
 */
final class SourceCharacters {

    /** The largest rules file read, in characters; the shipped files are under 3,000. */
    static final int MAX_FILE_CHARS = 256 * 1024;
    /** The longest line; a rule header or measure is under 150. */
    static final int MAX_LINE_CHARS = 500;
    /** The deepest nesting of brackets; a measure call needs 2. */
    static final int MAX_NESTING = 8;

    private SourceCharacters() {
    }

    /**
     * Adds one diagnostic per problem class found (the first occurrence of each), so a file
     * full of bad characters yields a few lines, not thousands.
     *
     * @return true when the text may be handed to a parser
     */
    static boolean check(String file, String text, List<Diagnostic> problems) {
        int before = problems.size();
        if (text.length() > MAX_FILE_CHARS) {
            problems.add(new Diagnostic(new SourcePosition(file, 1, 1), "the file has " + text.length()
                    + " characters; a rules file may have at most " + MAX_FILE_CHARS + ": split the program", null));
            return false;
        }
        boolean escapeReported = false;
        boolean characterReported = false;
        boolean lineReported = false;
        boolean nestingReported = false;
        int line = 1;
        int lineStart = 0;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            int c = text.codePointAt(i);
            int column = i - lineStart + 1;
            if (c == '\\' && !escapeReported && isUnicodeEscape(text, i)) {
                escapeReported = true;
                problems.add(at(file, line, column, "unicode escape '" + text.substring(i, Math.min(text.length(),
                        i + escapeLength(text, i))) + "': write the character itself (escapes are read as code"
                        + " before anything else, so they are never allowed, not even in comments or strings)"));
            }
            if (!characterReported && !isAllowed(c)) {
                characterReported = true;
                problems.add(at(file, line, column, "character " + describe(c) + " is not allowed: rules files hold"
                        + " printable characters, spaces, tabs and line breaks only"));
            }
            if (c == '\n') {
                if (!lineReported && column - 1 > MAX_LINE_CHARS) {
                    lineReported = true;
                    problems.add(at(file, line, MAX_LINE_CHARS + 1, "line of " + (column - 1)
                            + " characters; lines may have at most " + MAX_LINE_CHARS));
                }
                line++;
                lineStart = i + 1;
            }
            // counted in comments and strings too: stricter, and no lexer of ours that could be fooled
            if (c == '(' || c == '[' || c == '{') {
                depth++;
                if (depth > MAX_NESTING && !nestingReported) {
                    nestingReported = true;
                    problems.add(at(file, line, column, "brackets nested " + depth + " deep; rules need at most "
                            + MAX_NESTING));
                }
            } else if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
            if (Character.isSupplementaryCodePoint(c)) {
                i++;
            }
        }
        if (!lineReported && text.length() - lineStart > MAX_LINE_CHARS) {
            problems.add(at(file, line, MAX_LINE_CHARS + 1, "line of " + (text.length() - lineStart)
                    + " characters; lines may have at most " + MAX_LINE_CHARS));
        }
        return problems.size() == before;
    }

    /** Printable characters (letters, marks, digits, punctuation, symbols), the space, tab, CR and LF. */
    static boolean isAllowed(int c) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** A backslash followed by one or more {@code u}: Java's unicode escape, in any of its spellings. */
    private static boolean isUnicodeEscape(String text, int i) {
        return i + 1 < text.length() && text.charAt(i + 1) == 'u';
    }

    private static int escapeLength(String text, int i) {
        int end = i + 1;
        while (end < text.length() && text.charAt(end) == 'u') {
            end++;
        }
        return Math.min(end + 4, text.length()) - i;
    }

    private static String describe(int c) {
        String name = Character.getName(c);
        return String.format("U+%04X", c) + (name == null ? "" : " (" + name + ")");
    }

    private static Diagnostic at(String file, int line, int column, String message) {
        return new Diagnostic(new SourcePosition(file, line, column), message, null);
    }
}
