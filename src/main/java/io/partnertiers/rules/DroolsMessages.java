package io.partnertiers.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.builder.Message;

/**
 * Translates Drools build messages into diagnostics a program manager can act on: the DRL file,
 * a 1-based line and column, the rule, and the message without Drools' internal noise. The
 * executable model reports some mistakes against Java it generated, or without a line; those
 * are traced back to the DRL text they came from.
 */
final class DroolsMessages {

    /** Drools writes parser positions into the text as "Line 12:4", the column 0-based. */
    private static final Pattern TEXT_POSITION = Pattern.compile("\\[?Line (\\d+):(\\d+)\\]?");
    private static final Pattern ERROR_CODE = Pattern.compile("^\\[ERR \\d+\\]\\s*");
    private static final Pattern RULE_IN_TEXT = Pattern.compile("rule \"([^\"]+)\"");
    private static final Pattern CONSEQUENCE_BODY = Pattern.compile(
            "throws java\\.lang\\.Exception \\{(.*)\\}\\s*\\}\\s*$", Pattern.DOTALL);
    private static final Pattern UNBOXING = Pattern.compile("\\w+ \\$\\w+ = _\\$\\w+;");

    private final Map<String, String> drlByFile;
    private final Map<String, String> fileByPath;

    /**
     * @param drlByFile the program's DRL text by file name
     * @param fileByPath file name by the path the file had in the KieFileSystem
     */
    DroolsMessages(Map<String, String> drlByFile, Map<String, String> fileByPath) {
        this.drlByFile = drlByFile;
        this.fileByPath = fileByPath;
    }

    List<Diagnostic> translate(List<Message> messages) {
        Map<String, String> generatedSources = new HashMap<>();
        for (Message message : messages) {
            String text = textOf(message);
            if (text.startsWith("Java source of ")) {
                generatedSources.put(message.getPath(), text);
            }
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Message message : messages) {
            String text = textOf(message);
            if (text.startsWith("Java source of ") || text.equals("Parser returned a null Package")) {
                continue; // the same error again, with the whole generated source or nothing useful
            }
            Diagnostic diagnostic = message.getPath() != null && message.getPath().endsWith(".java")
                    ? fromGeneratedJava(text, generatedSources.getOrDefault(message.getPath(), ""))
                    : translate(message, text);
            if (!diagnostics.contains(diagnostic)) {
                diagnostics.add(diagnostic);
            }
        }
        if (diagnostics.isEmpty() && !messages.isEmpty()) {
            diagnostics.add(translate(messages.get(0), textOf(messages.get(0))));
        }
        return diagnostics;
    }

    private static String textOf(Message message) {
        return message.getText() == null ? "" : message.getText().trim();
    }

    private Diagnostic translate(Message message, String text) {
        String path = message.getPath() == null ? "" : message.getPath();
        String file = fileOf(path);
        int line = message.getLine();
        int column = message.getColumn();
        Matcher at = TEXT_POSITION.matcher(text);
        if (at.find()) {
            line = Integer.parseInt(at.group(1));
            column = Integer.parseInt(at.group(2)) + 1;
            text = at.replaceFirst("").trim();
        }
        text = ERROR_CODE.matcher(text).replaceFirst("").replaceAll("\\s+", " ");
        SourcePosition position;
        if (line > 0) {
            position = new SourcePosition(file, line, Math.max(column, 1));
        } else {
            position = locateFragment(file, text);
        }
        return new Diagnostic(position, text, ruleNamed(text, position));
    }

    /** An error in a consequence: find the DRL consequence the generated lambda was made from. */
    private Diagnostic fromGeneratedJava(String text, String generatedSource) {
        String problem = text.contains("\n") ? text.substring(0, text.indexOf('\n')) : text;
        Matcher body = CONSEQUENCE_BODY.matcher(generatedSource);
        if (body.find()) {
            String code = UNBOXING.matcher(body.group(1)).replaceAll("").trim();
            for (var drl : drlByFile.entrySet()) {
                SourcePosition at = find(drl.getKey(), drl.getValue(), code);
                if (at != null) {
                    return new Diagnostic(at, problem.trim(), enclosingRule(drl.getValue(), at.line()));
                }
            }
        }
        return new Diagnostic(new SourcePosition(firstDrl(), 0, 0), problem.trim(), null);
    }

    /** Messages without a line ("Unable to parse left part of expression: $actual : staf") quote the DRL. */
    private SourcePosition locateFragment(String file, String text) {
        String drl = drlByFile.get(file);
        int colon = text.indexOf(": ");
        if (drl != null && colon > 0) {
            SourcePosition at = find(file, drl, text.substring(colon + 2));
            if (at != null) {
                return at;
            }
        }
        return new SourcePosition(file, 0, 0);
    }

    private static SourcePosition find(String file, String drl, String fragment) {
        String[] words = fragment.trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return null;
        }
        StringBuilder pattern = new StringBuilder();
        for (String word : words) {
            if (!pattern.isEmpty()) {
                pattern.append("\\s*");
            }
            pattern.append(Pattern.quote(word));
        }
        Matcher found = Pattern.compile(pattern.toString()).matcher(drl);
        if (!found.find()) {
            return null;
        }
        return SourcePosition.of(file, drl, found.start());
    }

    private String ruleNamed(String text, SourcePosition position) {
        Matcher named = RULE_IN_TEXT.matcher(text);
        if (named.find()) {
            return named.group(1);
        }
        String drl = drlByFile.get(position.file());
        return drl == null || position.line() <= 0 ? null : enclosingRule(drl, position.line());
    }

    /** The rule whose header is the last one at or above {@code line}. */
    private static String enclosingRule(String drl, int line) {
        RuleIndex index = new RuleIndex();
        index.scan("", drl);
        return index.ruleAt(line);
    }

    private String fileOf(String path) {
        String file = fileByPath.get(path);
        if (file == null) {
            file = fileByPath.get("src/main/resources/" + path);
        }
        return file != null ? file : path;
    }

    private String firstDrl() {
        return drlByFile.keySet().stream().findFirst().orElse("");
    }
}
