package io.partnertiers.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The safety gate in front of the DRL compiler. Drools runs rules as Java with no sandbox, so a
 * rule file may only use the vocabulary of partner facts: imports from our fact and measure
 * packages and a few harmless JDK packages, the {@code scorecard} global, and no way out to the
 * system, threads, reflection, files or the network. Rules state facts; they never insert,
 * modify or delete. Comments and string literals are not inspected; everything else is.
 */
final class DrlLinter {

    private static final List<String> ALLOWED_IMPORTS = List.of(
            "io.partnertiers.facts.", "io.partnertiers.measures.", "java.lang.", "java.util.", "java.time.",
            "java.math.");
    private static final Pattern IMPORT = Pattern.compile("(?m)^[ \\t]*import\\s+(static\\s+|function\\s+)?([\\w.*]+)");
    private static final Pattern GLOBAL = Pattern.compile("(?m)^[ \\t]*global\\s+([\\w.]+)\\s+(\\w+)");
    private static final String SCORECARD = "io.partnertiers.evaluation.Scorecard";

    private record Forbidden(Pattern pattern, String why) {
    }

    private static final List<Forbidden> FORBIDDEN = List.of(
            forbid("\\bSystem\\s*\\.", "System is off limits in rules (it can exit the service or read its environment)"),
            forbid("\\bRuntime\\b", "Runtime is off limits in rules (it can run programs or stop the service)"),
            forbid("\\bProcessBuilder\\b", "ProcessBuilder is off limits in rules (it runs programs)"),
            forbid("\\bThread\\b|\\bExecutors?\\b|\\bForkJoinPool\\b", "threads are off limits in rules"),
            forbid("\\bClass\\s*\\.\\s*forName\\b|\\.\\s*getClass\\s*\\(|\\bClassLoader\\b|\\.class\\b",
                    "reflection and class loading are off limits in rules"),
            forbid("\\bjava\\s*\\.\\s*lang\\s*\\.\\s*reflect\\b|\\bMethodHandles?\\b|\\bsun\\s*\\.|\\bjdk\\s*\\.",
                    "reflection and JDK internals are off limits in rules"),
            forbid("\\bjava\\s*\\.\\s*(io|nio|net)\\b|\\bjavax\\s*\\.", "files and network are off limits in rules"),
            forbid("\\b(insert|insertLogical|modify|update|delete|retract)\\s*\\(|\\bdrools\\s*\\.\\s*\\w+",
                    "rules only measure: they may not insert, modify or delete facts or steer the engine"),
            forbid("(?m)^[ \\t]*(declare|query|function)\\b",
                    "declare, query and function blocks are not part of the rules vocabulary; ask for a new measure"),
            forbid("\\b(eval|from|collect|accumulate|entry-point|timer|calendars)\\b",
                    "only plain patterns on Partner are allowed; ask for a new measure instead"));

    private static Forbidden forbid(String regex, String why) {
        return new Forbidden(Pattern.compile(regex), why);
    }

    /** @return every problem of every file, each at its line and column */
    List<Diagnostic> lint(Map<String, String> drlByFile) {
        List<Diagnostic> problems = new ArrayList<>();
        drlByFile.forEach((file, text) -> lint(file, text, problems));
        return problems;
    }

    private void lint(String file, String text, List<Diagnostic> problems) {
        String code = blankCommentsAndStrings(text);
        RuleIndex rules = new RuleIndex();
        rules.scan(file, text);

        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            String imported = imports.group(2);
            if (ALLOWED_IMPORTS.stream().noneMatch(imported::startsWith)) {
                problems.add(at(file, code, imports.start(2), "import of " + imported
                        + " is not allowed: rules may import from io.partnertiers.facts, io.partnertiers.measures,"
                        + " java.lang, java.util, java.time and java.math", null));
            }
        }
        Matcher globals = GLOBAL.matcher(code);
        while (globals.find()) {
            if (!globals.group(1).equals(SCORECARD) || !globals.group(2).equals("scorecard")) {
                problems.add(at(file, code, globals.start(1), "the only global is 'global " + SCORECARD
                        + " scorecard;'", null));
            }
        }
        for (Forbidden forbidden : FORBIDDEN) {
            Matcher found = forbidden.pattern().matcher(code);
            while (found.find()) {
                String fragment = found.group().trim();
                Diagnostic d = at(file, code, found.start(), "'" + fragment.replaceAll("\\s+", "") + "': "
                        + forbidden.why(), null);
                problems.add(new Diagnostic(d.position(), d.message(), rules.ruleAt(d.position().line())));
            }
        }
    }

    /** Replaces comments and string literals by spaces, keeping every line and column in place. */
    static String blankCommentsAndStrings(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (; i < end; i++) {
                    out.append(text.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"' || c == '\'') {
                out.append(c);
                i++;
                while (i < text.length() && text.charAt(i) != c && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        out.append(' ');
                        i++;
                    }
                    out.append(' ');
                    i++;
                }
                if (i < text.length()) {
                    out.append(text.charAt(i));
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static Diagnostic at(String file, String code, int offset, String message, String rule) {
        return new Diagnostic(SourcePosition.of(file, code, offset), message, rule);
    }
}
