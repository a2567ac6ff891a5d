package io.partnertiers.validate;

import java.util.List;
import java.util.regex.Pattern;

import io.partnertiers.rules.Diagnostic;
import io.partnertiers.rules.SourcePosition;

/**
 * One thing {@code validate} reports at a place in the rules folder, with a stable rule id CI systems
 * can group and suppress by: a compile, checker or ladder problem, a failing scenario, a surviving
 * threshold mutant.
 *
 * @param level {@code error} or {@code warning}, as SARIF names them
 * @param file relative to the rules folder, e.g. {@code servicenow-partner/premier.drl}
 * @param line from 1; 0 when the finding is about a whole file or folder
 */
public record Finding(String ruleId, String level, String file, int line, int column, String message, String rule) {

    /** A stable id and a one-line description for each kind of finding. */
    public record Kind(String id, String description, Pattern messages) {
    }

    public static final List<Kind> KINDS = List.of(
            new Kind("PT-CHARACTERS", "A character, line length, nesting or file size a rules file may not have",
                    Pattern.compile("^(unicode escape|character U\\+|line of|brackets nested|the file has)")),
            new Kind("PT-MEASURE", "An unknown measure, a bad argument, or a metric program.yaml does not declare",
                    Pattern.compile("^(unknown measure|argument \\d+ of|'[^']+' (takes|needs)|metric ')")),
            new Kind("PT-SCORE", "A score or alternative tracks that cannot work as written",
                    Pattern.compile("^(the score|a bar of|@minimumPoints\\(\\d+\\) is more|path '[^']+' already"
                            + "|criterion '[^']+' of tier '[^']+' (has alternatives|is a score)|@maxPoints and @target)")),
            new Kind("PT-GRAMMAR", "A construct outside the rule grammar",
                    Pattern.compile("(is not allowed|^missing @|does not belong|is given twice|^a rule has either"
                            + "|^the consequence must be|^every rule must state|^the condition is one pattern)")),
            new Kind("PT-LADDER", "Rules and program.yaml disagree on tiers and criteria",
                    Pattern.compile("(is not declared in program.yaml|has no description|is described but no rule"
                            + "|has no criterion rule|already has a rule|is declared twice|^no tiers declared"
                            + "|^no \\.drl file)")),
            new Kind("PT-LADDER-ORDER", "A higher tier asks less than the tier below it on a shared criterion", null),
            new Kind("PT-SYNTAX", "DRL that Drools' parser cannot read",
                    Pattern.compile("^(mismatched input|no viable alternative|extraneous input|missing |cannot be read"
                            + "|unexpected|expected)")),
            new Kind("PT-COMPILE", "A program that does not compile, or compiles too slowly", null),
            new Kind("PT-SCENARIO", "A scenario whose expectation the rules do not meet", null),
            new Kind("PT-BOUNDARY", "A threshold no scenario pins: moving it by one step passes every scenario", null),
            new Kind("PT-COVERAGE", "Criterion or boundary coverage below the minimum asked for", null));

    static Finding of(Diagnostic diagnostic) {
        SourcePosition at = diagnostic.position();
        return new Finding(kindOf(diagnostic.message()), "error", at.file(), Math.max(at.line(), 0),
                Math.max(at.column(), 0), diagnostic.message(), diagnostic.rule());
    }

    private static String kindOf(String message) {
        return KINDS.stream().filter(k -> k.messages() != null && k.messages().matcher(message).find()).findFirst()
                .map(Kind::id).orElse("PT-COMPILE");
    }

    /** {@code file:line:column: message (rule "…")}, the way compilers print it. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line + ":" + column : "") + ": " + message
                + (rule == null ? "" : " (rule \"" + rule + "\")");
    }
}
