package io.partnertiers.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.ParserError;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.stmt.BlockStmt;

/**
 * The gate every rules file passes before anything compiles it (start-up, live reload,
 * {@code validate}, the tests). Drools runs constraints and consequences as Java with no sandbox,
 * so the checker accepts only the small language criterion rules are written in and rejects the
 * rest, as an allowlist: first the characters ({@link SourceCharacters}), then Drools' own DRL
 * parser gives the package description, whose every part must be one this grammar allows:
 * <pre>
 *   file       := "package rules.&lt;program_id&gt;;" "import io.partnertiers.facts.Partner;"
 *                 "global io.partnertiers.evaluation.Scorecard scorecard;" { rule }
 *   rule       := "rule" name "@tier(" id ")" "@criterion(" id ")" decides
 *                 "when" "Partner(" constraint ")" "then" "scorecard.measured(drools, $actual);" "end"
 *   decides    := ( "@required(" number | true ")" | "@atMost(" number ")" ) [ "@track(" label ")" ]
 *               | "@path(" id ")" "@component(" id ")" "@maxPoints(" whole ")" "@target(" number ")"
 *               | "@required(" number ")" [ "@minimumPoints(" whole ")" ]   (measuring score: a score's bar)
 *   constraint := see {@link MeasureExpression}, measures from {@link MeasureVocabulary}
 * </pre>
 * Every string a rule holds (its name, annotation values, measure arguments) is held to a
 * character allowlist too, because Drools copies them into the Java it generates.
 */
public final class RuleChecker {

    static final String FACT_TYPE = "Partner";
    static final String FACT_IMPORT = "io.partnertiers.facts.Partner";
    static final String SCORECARD_TYPE = "io.partnertiers.evaluation.Scorecard";
    static final String SCORECARD = "scorecard";
    static final String CONSEQUENCE = "scorecard.measured(drools, $actual);";
    static final String SCORE_MEASURE = "score";
    static final String METRIC_MEASURE = "metric";
    static final String REACHES_MEASURE = "reaches";
    /** The most rules one program may hold; the largest shipped program has 28. */
    static final int MAX_RULES = 500;
    private static final String ONE_PATTERN = "the condition is one pattern: Partner( $actual : <measure> )";

    private static final String RULE_NAME_CHARACTERS = "[\\p{L}\\p{N} :,.()'&/%+_!?#-]{1,120}";
    private static final Pattern RULE_NAME = Pattern.compile(RULE_NAME_CHARACTERS);
    private static final Pattern ID_LITERAL = Pattern.compile("\"[A-Za-z0-9][A-Za-z0-9_-]{0,63}\"");
    private static final Pattern NUMBER_LITERAL = Pattern.compile("\\d{1,9}(\\.\\d{1,6})?");
    private static final Pattern REQUIRED_LITERAL = Pattern.compile("true|" + NUMBER_LITERAL.pattern());
    private static final Pattern WHOLE_LITERAL = Pattern.compile("\\d{1,6}");
    private static final Pattern LABEL_LITERAL = Pattern.compile("\"" + RULE_NAME_CHARACTERS + "\"");

    /** Every annotation a rule may carry, with the literal it takes. */
    private enum Annotation {
        TIER("tier", ID_LITERAL, "@tier(\"ID\") with 1 to 64 letters, digits, '_' or '-'"),
        CRITERION("criterion", ID_LITERAL, "@criterion(\"id\") with 1 to 64 letters, digits, '_' or '-'"),
        REQUIRED("required", REQUIRED_LITERAL, "@required(N) with a plain number such as 15 or 4.2, or @required(true)"),
        AT_MOST("atMost", NUMBER_LITERAL, "@atMost(N) with a plain number such as 2 or 0.05"),
        TRACK("track", LABEL_LITERAL, "@track(\"name\") with up to 120 letters, digits, spaces and : , . ( ) ' & / % + _ ! ? # -"),
        PATH("path", ID_LITERAL, "@path(\"ID\") with 1 to 64 letters, digits, '_' or '-'"),
        COMPONENT("component", ID_LITERAL, "@component(\"id\") with 1 to 64 letters, digits, '_' or '-'"),
        MAX_POINTS("maxPoints", WHOLE_LITERAL, "@maxPoints(N) with a whole number such as 20"),
        TARGET("target", NUMBER_LITERAL, "@target(N) with a plain number such as 5 or 2.5"),
        MINIMUM_POINTS("minimumPoints", WHOLE_LITERAL, "@minimumPoints(N) with a whole number such as 1");

        final String name;
        final Pattern literal;
        final String expected;

        Annotation(String name, Pattern literal, String expected) {
            this.name = name;
            this.literal = literal;
            this.expected = expected;
        }

        static Annotation named(String name) {
            for (Annotation a : values()) {
                if (a.name.equals(name)) {
                    return a;
                }
            }
            return null;
        }
    }

    /** The three kinds of rule: a threshold (perhaps one track of several), a scored component, a score's bar. */
    private enum RuleShape {
        THRESHOLD("a criterion rule", Set.of("tier", "criterion"), Set.of("required", "atMost", "track"),
                "a criterion rule states @tier(\"…\"), @criterion(\"…\") and @required(…) or @atMost(…),"
                        + " and @track(\"…\") when it is one of several alternatives"),
        COMPONENT("a scored component", Set.of("tier", "criterion", "path", "component", "maxPoints", "target"), Set.of(),
                "a scored component states @tier, @criterion, @path, @component, @maxPoints and @target"),
        BAR("the rule that sets a score's bar", Set.of("tier", "criterion", "required"), Set.of("minimumPoints"),
                "the rule measuring 'score' states @tier, @criterion and @required(N), and may state @minimumPoints(N)");

        final String what;
        final Set<String> needs;
        final Set<String> may;
        final String usage;

        RuleShape(String what, Set<String> needs, Set<String> may, String usage) {
            this.what = what;
            this.needs = needs;
            this.may = may;
            this.usage = usage;
        }
    }
    private static final Pattern RULE_LINE = Pattern.compile("^\\s*rule\\s+[\"'\\w]");
    private static final Pattern LINE_COMMENT = Pattern.compile("//.*$|/\\*.*?\\*/");
    private static final Pattern ANNOTATIONS_ONLY = Pattern.compile(
            "(@[A-Za-z]\\w*(\\s*\\((\"[^\"]*\"|[^()\"])*\\))?\\s*)+");
    private static final Pattern WHEN = Pattern.compile("\\bwhen\\b");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern ANNOTATION = Pattern.compile("@\\s*([A-Za-z]\\w*)");
    private static final Pattern PARSER_NOISE = Pattern.compile("^\\[ERR \\d+\\]\\s*(Line \\d+:\\d+\\s*)?");
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("in rule \"([^\"]*)\"");
    private static final BlockStmt EXPECTED_CONSEQUENCE = javaParser().parseBlock("{" + CONSEQUENCE + "}").getResult()
            .orElseThrow();

    private final MeasureVocabulary measures = MeasureVocabulary.PARTNER;
    /** The metrics program.yaml declares: the only keys {@code metric("…")} may read. */
    private final Set<String> declaredMetrics;
    private final Map<String, MeasureCall> measuresByRule = new java.util.HashMap<>();
    /** JavaParser is not thread-safe: one per checker, and a checker per compile. */
    private final JavaParser java = javaParser();

    private static JavaParser javaParser() {
        return new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    }

    public RuleChecker(Set<String> declaredMetrics) {
        this.declaredMetrics = Set.copyOf(declaredMetrics);
    }

    public RuleChecker() {
        this(Set.of());
    }

    /** What each rule checked so far measures ({@code certifiedStaff}, {@code metric("…")}, {@code score}…), by rule name. */
    public Map<String, MeasureCall> measuresByRule() {
        return Map.copyOf(measuresByRule);
    }

    /** @return every problem of every file, each at its file, line and column; empty when all may compile */
    public List<Diagnostic> check(String programId, Map<String, String> drlByFile) {
        List<Diagnostic> problems = new ArrayList<>();
        int rulesBefore = 0;
        for (Map.Entry<String, String> drl : drlByFile.entrySet()) {
            rulesBefore = checkFile(programId, drl.getKey(), drl.getValue(), rulesBefore, problems);
        }
        return problems;
    }

    /** @return how many rules the program has up to and including this file */
    private int checkFile(String programId, String file, String text, int rulesBefore, List<Diagnostic> problems) {
        if (!SourceCharacters.check(file, text, problems)) {
            return rulesBefore;
        }
        PackageDescr pkg = parse(file, text, problems);
        if (pkg == null) {
            return rulesBefore;
        }
        FileChecks checks = new FileChecks(programId, file, text, problems);
        checks.packageLevel(pkg, "rules." + programId.replace('-', '_'));
        int rules = rulesBefore;
        for (RuleDescr rule : pkg.getRules()) {
            if (++rules > MAX_RULES) {
                checks.reject(rule, null, "rule number " + rules, "a program has at most " + MAX_RULES + " rules");
                break;
            }
            checks.rule(rule);
        }
        return rules;
    }

    private static PackageDescr parse(String file, String text, List<Diagnostic> problems) {
        RuleIndex rules = new RuleIndex();
        rules.scan(file, text);
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (Exception | StackOverflowError e) {
            problems.add(new Diagnostic(new SourcePosition(file, 1, 1), "cannot be read as DRL: " + e.getMessage(), null));
            return null;
        }
        if (parser.hasErrors() || pkg == null) {
            int before = problems.size();
            for (DroolsError error : parser.getErrors()) {
                int line = error instanceof ParserError p ? p.getRow()
                        : error.getLines().length > 0 ? error.getLines()[0] : 1;
                int column = error instanceof ParserError p ? p.getCol() + 1 : 1;
                String message = PARSER_NOISE.matcher(error.getMessage().trim()).replaceFirst("");
                var named = RULE_IN_MESSAGE.matcher(message);
                problems.add(new Diagnostic(new SourcePosition(file, Math.max(line, 1), Math.max(column, 1)),
                        message, named.find() ? named.group(1) : rules.ruleAt(line)));
            }
            if (problems.size() == before) {
                problems.add(new Diagnostic(new SourcePosition(file, 1, 1), "cannot be read as DRL", null));
            }
            pointAtTheHeader(file, text, rules, problems.subList(before, problems.size()));
            return null;
        }
        return pkg;
    }

    /**
     * The parser reports a mistake where it notices it, often a line or more after it was made: an
     * unclosed annotation is noticed at the end of the file, a stray word between the rule's name and
     * its annotations at the next annotation. Between {@code rule "…"} and {@code when} only annotations
     * may stand, so a line there that is not annotations is where the mistake is; it replaces the
     * parser's messages that follow it in the same rule.
     */
    private static void pointAtTheHeader(String file, String text, RuleIndex rules, List<Diagnostic> parserErrors) {
        String[] lines = text.split("\n", -1);
        List<Diagnostic> found = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!RULE_LINE.matcher(lines[i]).find()) {
                continue;
            }
            int end = i + 1;
            while (end < lines.length && !RULE_LINE.matcher(lines[end]).find()) {
                end++;
            }
            for (int j = i + 1; j < end; j++) {
                String line = LINE_COMMENT.matcher(lines[j]).replaceAll("").strip();
                if (line.startsWith("when") || line.startsWith("then") || line.startsWith("end")) {
                    break;
                }
                if (!line.isEmpty() && !ANNOTATIONS_ONLY.matcher(line).matches()) {
                    int column = lines[j].indexOf(line.charAt(0)) + 1;
                    found.add(new Diagnostic(new SourcePosition(file, j + 1, column), "expected only annotations such as"
                            + " @tier(\"…\") between the rule's name and 'when', found '" + printable(line) + "'",
                            rules.ruleAt(j + 1)));
                    spans.add(new int[] {j + 1, end});
                    break;
                }
            }
            i = end - 1;
        }
        if (found.isEmpty()) {
            return;
        }
        List<Diagnostic> kept = parserErrors.stream().filter(e -> spans.stream()
                .noneMatch(span -> e.position().line() >= span[0] && e.position().line() < span[1])
                && !e.message().contains("<eof>")).toList();
        parserErrors.clear();
        parserErrors.addAll(found);
        parserErrors.addAll(kept);
    }

    /** The checks of one parsed file, reporting at positions in its text. */
    private final class FileChecks {

        private final String programId;
        private final String file;
        private final String text;
        private final List<Diagnostic> problems;
        private final RuleIndex index = new RuleIndex();

        FileChecks(String programId, String file, String text, List<Diagnostic> problems) {
            this.programId = programId;
            this.file = file;
            this.text = text;
            this.problems = problems;
            index.scan(file, text);
        }

        void packageLevel(PackageDescr pkg, String expectedPackage) {
            if (!expectedPackage.equals(pkg.getName())) {
                reject(pkg, null, pkg.getName() == null || pkg.getName().isEmpty() ? "no package declaration"
                        : "package '" + pkg.getName() + "'", "the first line must be 'package " + expectedPackage
                                + ";' (the program folder's name with '_' for '-')");
            }
            Set<String> imported = new HashSet<>();
            for (ImportDescr anImport : pkg.getImports()) {
                if (!FACT_IMPORT.equals(anImport.getTarget()) || !imported.add(anImport.getTarget())) {
                    problems.add(new Diagnostic(positionOf(anImport, anImport.getTarget()), "import of "
                            + printable(anImport.getTarget()) + " is not allowed: the one import is 'import "
                            + FACT_IMPORT + ";' (rules measure partners, nothing else)", null));
                }
            }
            if (!pkg.getRules().isEmpty() && !imported.contains(FACT_IMPORT)) {
                reject(pkg, null, "no import of " + FACT_IMPORT, "add 'import " + FACT_IMPORT + ";'");
            }
            List<GlobalDescr> globals = pkg.getGlobals();
            for (int i = 0; i < globals.size(); i++) {
                GlobalDescr global = globals.get(i);
                if (i > 0 || !SCORECARD_TYPE.equals(global.getType()) || !SCORECARD.equals(global.getIdentifier())) {
                    reject(global, null, "global " + global.getType() + " " + global.getIdentifier(),
                            "the one global is 'global " + SCORECARD_TYPE + " " + SCORECARD + ";'");
                }
            }
            if (!pkg.getRules().isEmpty() && globals.isEmpty()) {
                reject(pkg, null, "no scorecard global", "add 'global " + SCORECARD_TYPE + " " + SCORECARD + ";'");
            }
            String instead = "rules hold criterion rules only; ask for a new measure instead";
            pkg.getFunctions().forEach(f -> reject(f, null, "function " + f.getName(), instead));
            pkg.getFunctionImports().forEach(f -> reject(f, null, "import function " + f.getTarget(), instead));
            pkg.getAccumulateImports().forEach(a -> reject(a, null, "import accumulate " + a.getTarget(), instead));
            pkg.getTypeDeclarations().forEach(t -> reject(t, null, "declare " + t.getTypeName(), instead));
            pkg.getEnumDeclarations().forEach(t -> reject(t, null, "declare enum " + t.getTypeName(), instead));
            pkg.getEntryPointDeclarations().forEach(e -> reject(e, null, "entry point " + e.getEntryPointId(), instead));
            pkg.getWindowDeclarations().forEach(w -> reject(w, null, "window " + w.getName(), instead));
            pkg.getAttributes().forEach(a -> reject(a, null, "package attribute '" + a.getName() + "'", instead));
            if (pkg.getUnit() != null) {
                reject(pkg.getUnit(), null, "unit " + pkg.getUnit().getTarget(), instead);
            }
        }

        void rule(RuleDescr rule) {
            String name = rule.getName();
            if (rule.isQuery()) {
                reject(rule, null, "query " + name, "rules hold criterion rules only; queries are not part of them");
                return;
            }
            if (!RULE_NAME.matcher(name).matches()) {
                reject(rule, null, "rule name \"" + printable(name) + "\"", "a rule name has 1 to 120 letters,"
                        + " digits, spaces and the punctuation : , . ( ) ' & / % + _ ! ? # -");
                name = null;
            }
            if (rule.getParentName() != null) {
                reject(rule, name, "extends " + rule.getParentName(), "each rule stands alone; copy the rule instead");
            }
            rule.getAttributes().values().forEach(a -> reject(a, ruleName(rule), "rule attribute '" + a.getName() + "'",
                    "criterion rules take no attributes (salience, timer, dialect, enabled…); state the criterion with"
                            + " @tier, @criterion and @required"));
            rule.getNamedConsequences().keySet().forEach(c -> reject(rule, ruleName(rule), "named consequence then["
                    + c + "]", "a rule has one consequence: " + CONSEQUENCE));
            MeasureExpression.Call measure = condition(rule);
            if (measure != null) {
                measuresByRule.put(rule.getName(), MeasureCall.of(measure));
            }
            annotations(rule, measure);
            consequence(rule);
        }

        /** The annotations, each with a literal of its kind, in one of the three shapes a rule may have. */
        private void annotations(RuleDescr rule, MeasureExpression.Call measure) {
            Set<String> seen = new HashSet<>();
            for (AnnotationDescr annotation : rule.getAnnotations()) {
                String name = annotation.getName();
                SourcePosition at = inRule(rule, "@" + name);
                Annotation allowed = Annotation.named(name);
                if (allowed == null) {
                    problems.add(new Diagnostic(at, "annotation @" + name + " is not allowed: a rule carries @tier,"
                            + " @criterion and @required, @atMost, @track, @path, @component, @maxPoints, @target or"
                            + " @minimumPoints", ruleName(rule)));
                    continue;
                }
                seen.add(name);
                Map<String, Object> values = annotation.getValueMap();
                Object value = annotation.getValue();
                boolean single = values.size() == 1 && values.containsKey("value") && value instanceof String;
                if (!single || !allowed.literal.matcher(((String) value).trim()).matches()) {
                    problems.add(new Diagnostic(at, "@" + name + "(" + printable(String.valueOf(values.size() == 1
                            ? value : values)) + ") is not allowed: write " + allowed.expected, ruleName(rule)));
                }
            }
            duplicateAnnotations(rule);
            RuleShape shape = seen.contains("maxPoints") ? RuleShape.COMPONENT
                    : measure != null && SCORE_MEASURE.equals(measure.measure()) ? RuleShape.BAR : RuleShape.THRESHOLD;
            for (String needed : shape.needs) {
                if (!seen.contains(needed)) {
                    problems.add(new Diagnostic(positionOf(rule), "missing @" + needed + ": " + shape.usage,
                            ruleName(rule)));
                }
            }
            if (shape == RuleShape.THRESHOLD && !seen.contains("required") && !seen.contains("atMost")) {
                problems.add(new Diagnostic(positionOf(rule), "missing @required: " + shape.usage, ruleName(rule)));
            }
            for (String name : seen) {
                if (!shape.needs.contains(name) && !shape.may.contains(name)) {
                    problems.add(new Diagnostic(inRule(rule, "@" + name), "@" + name + " does not belong in "
                            + shape.what + ": " + shape.usage, ruleName(rule)));
                }
            }
            if (shape == RuleShape.THRESHOLD && seen.contains("required") && seen.contains("atMost")) {
                problems.add(new Diagnostic(inRule(rule, "@atMost"), "a rule has either @required (at least) or"
                        + " @atMost (at most), not both", ruleName(rule)));
            }
            if (shape == RuleShape.COMPONENT && measure != null && SCORE_MEASURE.equals(measure.measure())) {
                problems.add(new Diagnostic(positionOf(rule), "a component measures something to score: '"
                        + SCORE_MEASURE + "' is only for the rule that sets the bar", ruleName(rule)));
            }
        }

        /** Drools keeps one annotation per name, so a second {@code @required} would silently win: found in the text. */
        private void duplicateAnnotations(RuleDescr rule) {
            int from = offsetOf(positionOf(rule).line());
            Matcher when = WHEN.matcher(text);
            int to = when.find(from) ? when.start() : text.length();
            String header = COMMENT.matcher(text.substring(from, to)).replaceAll(" ");
            Set<String> names = new HashSet<>();
            Matcher annotation = ANNOTATION.matcher(header);
            while (annotation.find()) {
                if (!names.add(annotation.group(1))) {
                    problems.add(new Diagnostic(inRule(rule, "@" + annotation.group(1)), "@" + annotation.group(1)
                            + " is given twice: a rule states each annotation once", ruleName(rule)));
                }
            }
        }

        /** @return the measure of the rule's one pattern, or null when there is none to read */
        private MeasureExpression.Call condition(RuleDescr rule) {
            List<BaseDescr> conditions = rule.getLhs() == null ? List.of() : List.copyOf(rule.getLhs().getDescrs());
            if (conditions.isEmpty()) {
                reject(rule, ruleName(rule), "a rule without a condition", ONE_PATTERN);
            }
            boolean seen = false;
            MeasureExpression.Call measure = null;
            for (BaseDescr condition : conditions) {
                boolean allowed = isAllowedPattern(rule, condition);
                if (allowed && seen) {
                    reject(condition, ruleName(rule), "a second pattern", ONE_PATTERN);
                }
                if (allowed && !seen) {
                    measure = measureOf((PatternDescr) condition);
                }
                seen |= allowed;
            }
            return measure;
        }

        private static MeasureExpression.Call measureOf(PatternDescr pattern) {
            try {
                return MeasureExpression.parse(((ExprConstraintDescr) pattern.getDescrs().get(0)).getExpression());
            } catch (MeasureExpression.Rejected e) {
                return null;
            }
        }

        /** Reports what is wrong with one condition; true when it is {@code Partner( $actual : <measure> )}. */
        private boolean isAllowedPattern(RuleDescr rule, BaseDescr condition) {
            if (condition.getClass() != PatternDescr.class) {
                reject(condition, ruleName(rule), construct(condition), ONE_PATTERN
                        + "; not, exists, eval, forall, or, accumulate and collect are not part of criterion rules");
                return false;
            }
            PatternDescr pattern = (PatternDescr) condition;
            String found = !FACT_TYPE.equals(pattern.getObjectType()) ? "a pattern on " + pattern.getObjectType()
                    : pattern.getSource() != null ? "'from', 'entry-point', 'accumulate' or 'collect'"
                    : !pattern.getBehaviors().isEmpty() ? "a window ('over')"
                    : pattern.getIdentifier() != null ? "a binding of the pattern (" + pattern.getIdentifier() + " :)"
                    : pattern.isQuery() || pattern.isUnification() || !pattern.getAnnotations().isEmpty()
                            ? "an annotated, query or unification pattern" : null;
            if (found != null) {
                reject(pattern, ruleName(rule), found, ONE_PATTERN);
                return false;
            }
            List<? extends BaseDescr> constraints = pattern.getDescrs();
            if (constraints.isEmpty()) {
                reject(pattern, ruleName(rule), "an empty pattern", ONE_PATTERN);
                return false;
            }
            for (int i = 0; i < constraints.size(); i++) {
                BaseDescr constraint = constraints.get(i);
                if (i > 0 || !(constraint instanceof ExprConstraintDescr expression)
                        || expression.getType() != ExprConstraintDescr.Type.NAMED) {
                    reject(constraint, ruleName(rule), "a further constraint '" + constraint.getText() + "'", ONE_PATTERN
                            + " (the threshold is @required, never a comparison in the pattern)");
                    return false;
                }
            }
            ExprConstraintDescr constraint = (ExprConstraintDescr) constraints.get(0);
            String expression = constraint.getExpression();
            SourcePosition at = positionOf(constraint);
            try {
                MeasureExpression.Call call = MeasureExpression.parse(expression);
                String problem = measures.problemWith(call);
                if (problem == null && REACHES_MEASURE.equals(call.measure())
                        && call.arguments().get(0).value().equals(programId)) {
                    problem = "a program cannot ask whether a partner reaches its own tiers: name another program";
                }
                if (problem == null && METRIC_MEASURE.equals(call.measure())
                        && !declaredMetrics.contains(call.arguments().get(0).value())) {
                    problem = "metric '" + call.arguments().get(0).value() + "' is not declared under 'metrics:' in"
                            + " program.yaml" + (declaredMetrics.isEmpty() ? "" : "; declared: "
                                    + String.join(", ", new java.util.TreeSet<>(declaredMetrics)));
                }
                if (problem != null) {
                    problems.add(new Diagnostic(shift(at, expression, call.offset()), problem, ruleName(rule)));
                }
            } catch (MeasureExpression.Rejected e) {
                problems.add(new Diagnostic(shift(at, expression, e.offset()), e.getMessage(), ruleName(rule)));
            }
            return true;
        }

        /** The consequence is parsed as Java and must be the very statement the engine defines. */
        private void consequence(RuleDescr rule) {
            String code = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
            SourcePosition at = consequencePosition(rule);
            ParseResult<BlockStmt> parsed = java.parseBlock("{" + code + "\n}");
            boolean exact = parsed.isSuccessful() && parsed.getResult().isPresent()
                    && parsed.getResult().get().getAllContainedComments().isEmpty()
                    && parsed.getResult().get().getOrphanComments().isEmpty()
                    && EXPECTED_CONSEQUENCE.equals(parsed.getResult().get());
            if (!exact) {
                String found = code.strip().replaceAll("\\s+", " ");
                problems.add(new Diagnostic(at, "the consequence must be exactly '" + CONSEQUENCE + "'"
                        + (found.isEmpty() ? ", found nothing" : ", found '" + printable(abbreviate(found)) + "'")
                        + " (comments go above the rule)", ruleName(rule)));
            }
        }

        private void reject(BaseDescr where, String rule, String found, String instead) {
            problems.add(new Diagnostic(positionOf(where), printable(found) + " is not allowed: " + instead, rule));
        }

        private String ruleName(RuleDescr rule) {
            return RULE_NAME.matcher(rule.getName()).matches() ? rule.getName() : null;
        }

        private SourcePosition positionOf(BaseDescr descr) {
            if (descr instanceof RuleDescr rule && descr.getLine() <= 0) {
                return index.positionOf(rule.getName(), file);
            }
            return descr.getLine() > 0 ? new SourcePosition(file, descr.getLine(), descr.getColumn() + 1)
                    : new SourcePosition(file, 1, 1);
        }

        /** Where {@code needle} first appears from the start of {@code descr}, or {@code descr} itself. */
        private SourcePosition positionOf(BaseDescr descr, String needle) {
            SourcePosition start = positionOf(descr);
            int found = text.indexOf(needle, offsetOf(start.line()) + start.column() - 1);
            return found < 0 ? start : SourcePosition.of(file, text, found);
        }

        /** Where {@code needle} first appears after the rule's header line (annotations carry no position). */
        private SourcePosition inRule(RuleDescr rule, String needle) {
            SourcePosition header = positionOf(rule);
            int from = offsetOf(header.line());
            int found = text.indexOf(needle, from);
            return found < 0 ? header : SourcePosition.of(file, text, found);
        }

        /** The first character of the consequence, after {@code then}. */
        private SourcePosition consequencePosition(RuleDescr rule) {
            int line = rule.getConsequenceLine();
            if (line <= 0) {
                return positionOf(rule);
            }
            int then = text.indexOf("then", offsetOf(line));
            if (then < 0) {
                return positionOf(rule);
            }
            int start = then + "then".length();
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            return SourcePosition.of(file, text, Math.min(start, text.length()));
        }

        private SourcePosition shift(SourcePosition at, String expression, int offset) {
            String before = expression.substring(0, Math.min(offset, expression.length()));
            int newlines = (int) before.chars().filter(c -> c == '\n').count();
            return newlines == 0 ? new SourcePosition(file, at.line(), at.column() + offset)
                    : new SourcePosition(file, at.line() + newlines, before.length() - before.lastIndexOf('\n'));
        }

        private int offsetOf(int line) {
            int offset = 0;
            for (int i = 1; i < line && offset >= 0; i++) {
                offset = text.indexOf('\n', offset) + 1;
                if (offset == 0) {
                    return text.length();
                }
            }
            return offset;
        }
    }

    private static String construct(BaseDescr descr) {
        String type = descr.getClass().getSimpleName().replace("Descr", "");
        return switch (type) {
            case "Not" -> "not";
            case "Exists" -> "exists";
            case "Eval" -> "eval";
            case "Forall" -> "forall";
            case "Or" -> "or";
            case "And" -> "and";
            case "ConditionalBranch", "NamedConsequence" -> "if/do/break";
            default -> type.toLowerCase();
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "…";
    }

    /** Anything echoed back from a rule file is shown with its control characters visible. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(SourceCharacters.isAllowed(c) && c != '\n' && c != '\r'
                ? Character.toString(c) : String.format("\\x{%X}", c)));
        return abbreviate(out.toString());
    }
}
