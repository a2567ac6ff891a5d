package io.partnertiers.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each rule of a program is declared. The compiled KieBase does not keep source lines,
 * so we find them in the text: a program manager is told {@code premier.drl:12}, not a rule id.
 */
final class RuleIndex {

    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");

    private final Map<String, SourcePosition> positions = new HashMap<>();
    private final TreeMap<Integer, String> rulesByLine = new TreeMap<>();

    void scan(String file, String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE_HEADER.matcher(lines[i]);
            if (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                positions.putIfAbsent(name, new SourcePosition(file, i + 1, lines[i].indexOf("rule") + 1));
                rulesByLine.put(i + 1, name);
            }
        }
    }

    SourcePosition positionOf(String rule, String fallbackFile) {
        return positions.getOrDefault(rule, new SourcePosition(fallbackFile, 1, 1));
    }

    /** The rule declared last at or above {@code line} of a single scanned file. */
    String ruleAt(int line) {
        var entry = rulesByLine.floorEntry(line);
        return entry == null ? null : entry.getValue();
    }
}
