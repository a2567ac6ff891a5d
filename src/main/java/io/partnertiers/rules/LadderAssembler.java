package io.partnertiers.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Arranges a program's criterion rules under the tiers its {@code program.yaml} declares, reading
 * each rule's {@code @tier}, {@code @criterion} and {@code @required}, and checks that rules and
 * descriptor agree: every rule belongs to a declared tier, every criterion is described, no tier
 * is empty and no criterion is decided twice for one tier.
 */
final class LadderAssembler {

    private static final String SCORE_MEASURE = RuleChecker.SCORE_MEASURE;
    /** Marks the rule that sets a score's bar among a rule's annotations. */
    private static final String BAR = "$bar";

    private final ProgramDescriptor descriptor;
    private final String descriptorText;
    private final RuleIndex index = new RuleIndex();
    /** What each rule measures, as the checker read it: tells a score's bar from a plain threshold. */
    private final Map<String, MeasureCall> measures;

    LadderAssembler(ProgramDescriptor descriptor, Map<String, String> sources, Map<String, MeasureCall> measures) {
        this.descriptor = descriptor;
        this.measures = measures;
        this.descriptorText = sources.getOrDefault(RulesetCompiler.DESCRIPTOR, "");
        sources.forEach((file, text) -> {
            if (file.endsWith(".drl")) {
                index.scan(file, text);
            }
        });
    }

    List<Tier> assemble(KieBase kieBase, List<Diagnostic> problems) {
        Map<String, Map<String, List<RuleEntry>>> rulesByTier = new LinkedHashMap<>();
        for (TierDescriptor tier : descriptor.tiers()) {
            if (rulesByTier.put(tier.id(), new LinkedHashMap<>()) != null) {
                problems.add(new Diagnostic(inDescriptor("id", tier.id()), "tier '" + tier.id() + "' is declared twice", null));
            }
        }
        int problemsBefore = problems.size();
        for (Rule rule : rulesInSourceOrder(kieBase)) {
            RuleEntry entry = read(rule, rulesByTier.keySet(), problems);
            if (entry != null) {
                rulesByTier.get(entry.tier()).computeIfAbsent(entry.criterion(), c -> new ArrayList<>()).add(entry);
            }
        }
        Map<String, List<Criterion>> criteriaByTier = new LinkedHashMap<>();
        rulesByTier.forEach((tier, rules) -> criteriaByTier.put(tier, rules.values().stream()
                .map(entries -> criterion(tier, entries, problems)).filter(c -> c != null).toList()));
        if (problems.size() > problemsBefore) {
            return List.of(); // the checks below would only repeat the rules' problems
        }
        Set<String> measured = new HashSet<>();
        criteriaByTier.values().forEach(criteria -> criteria.forEach(c -> measured.add(c.id())));
        for (String criterion : descriptor.criteria().keySet()) {
            if (!measured.contains(criterion)) {
                problems.add(new Diagnostic(inDescriptor(criterion, null),
                        "criterion '" + criterion + "' is described but no rule measures it", null));
            }
        }
        List<Tier> tiers = new ArrayList<>();
        for (TierDescriptor t : descriptor.tiers()) {
            List<Criterion> criteria = criteriaByTier.get(t.id());
            if (criteria.isEmpty()) {
                problems.add(new Diagnostic(inDescriptor("id", t.id()),
                        "tier '" + t.id() + "' has no criterion rule: everyone would reach it", null));
            }
            tiers.add(new Tier(t.id(), t.name() == null ? t.id() : t.name(), t.entitlements(), List.copyOf(criteria)));
        }
        return tiers;
    }

    /** One rule as its annotations state it. */
    private record RuleEntry(String name, SourcePosition at, String tier, String criterion, String description,
            Map<String, String> annotations) {

        String get(String annotation) {
            return annotations.get(annotation);
        }

        boolean has(String annotation) {
            return annotations.containsKey(annotation);
        }
    }

    private RuleEntry read(Rule rule, Set<String> tiers, List<Diagnostic> problems) {
        SourcePosition at = index.positionOf(rule.getName(), "?");
        String tier = metadata(rule, "tier");
        String criterion = metadata(rule, "criterion");
        if (tier == null || criterion == null) {
            problems.add(new Diagnostic(at, "every rule must state @tier(\"…\") and @criterion(\"…\")", rule.getName()));
            return null;
        }
        if (!tiers.contains(tier)) {
            problems.add(new Diagnostic(at, "tier '" + tier + "' is not declared in program.yaml", rule.getName()));
            return null;
        }
        String description = descriptor.criteria().get(criterion);
        if (description == null) {
            problems.add(new Diagnostic(at, "criterion '" + criterion
                    + "' has no description under 'criteria:' in program.yaml", rule.getName()));
            return null;
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        rule.getMetaData().keySet().forEach(key -> annotations.put(key, metadata(rule, key)));
        MeasureCall measure = measures.get(rule.getName());
        if (measure != null && SCORE_MEASURE.equals(measure.measure())) {
            annotations.put(BAR, "");
        }
        return new RuleEntry(rule.getName(), at, tier, criterion, description, annotations);
    }

    /** The criterion that one tier's rules for one criterion id make together; null after a problem. */
    private Criterion criterion(String tier, List<RuleEntry> rules, List<Diagnostic> problems) {
        RuleEntry first = rules.get(0);
        try {
            if (rules.stream().anyMatch(r -> r.has("maxPoints") || r.has(BAR))) {
                return score(tier, rules, problems);
            }
            if (rules.stream().anyMatch(r -> r.has("track"))) {
                return anyOf(tier, rules, problems);
            }
            if (rules.size() > 1) {
                RuleEntry second = rules.get(1);
                problems.add(new Diagnostic(second.at(), "tier '" + tier + "' already has a rule for criterion '"
                        + first.criterion() + "'", second.name()));
                return null;
            }
            return new Criterion.Threshold(first.criterion(), first.description(), requirement(first), first.name(),
                    first.at());
        } catch (IllegalArgumentException e) {
            problems.add(new Diagnostic(first.at(), e.getMessage(), first.name()));
            return null;
        }
    }

    private Criterion anyOf(String tier, List<RuleEntry> rules, List<Diagnostic> problems) {
        Map<String, List<Criterion.Part>> parts = new LinkedHashMap<>();
        for (RuleEntry rule : rules) {
            if (!rule.has("track")) {
                problems.add(new Diagnostic(rule.at(), "criterion '" + rule.criterion() + "' of tier '" + tier
                        + "' has alternatives (@track), so each of its rules names its track", rule.name()));
                return null;
            }
            parts.computeIfAbsent(rule.get("track"), t -> new ArrayList<>())
                    .add(new Criterion.Part(rule.name(), requirement(rule), rule.at()));
        }
        RuleEntry first = rules.get(0);
        return new Criterion.AnyOf(first.criterion(), first.description(), parts.entrySet().stream()
                .map(e -> new Criterion.Track(e.getKey(), e.getValue())).toList(), first.at());
    }

    private Criterion score(String tier, List<RuleEntry> rules, List<Diagnostic> problems) {
        List<RuleEntry> bars = rules.stream().filter(r -> r.has(BAR)).toList();
        RuleEntry first = rules.get(0);
        String criterion = first.criterion();
        if (bars.size() != 1) {
            RuleEntry at = bars.isEmpty() ? first : bars.get(1);
            problems.add(new Diagnostic(at.at(), "the score '" + criterion + "' of tier '" + tier + "' needs exactly one"
                    + " rule measuring 'score' with its bar in @required(N), found " + bars.size(), at.name()));
            return null;
        }
        RuleEntry bar = bars.get(0);
        Map<String, List<Criterion.Component>> paths = new LinkedHashMap<>();
        for (RuleEntry rule : rules) {
            if (rule == bar) {
                continue;
            }
            if (!rule.has("maxPoints")) {
                problems.add(new Diagnostic(rule.at(), "criterion '" + criterion + "' of tier '" + tier + "' is a score,"
                        + " so each of its rules is a component (@path, @component, @maxPoints, @target)", rule.name()));
                return null;
            }
            List<Criterion.Component> components = paths.computeIfAbsent(rule.get("path"), p -> new ArrayList<>());
            String id = rule.get("component");
            if (components.stream().anyMatch(c -> c.id().equals(id))) {
                problems.add(new Diagnostic(rule.at(), "path '" + rule.get("path") + "' already has a component '" + id
                        + "'", rule.name()));
                return null;
            }
            int maxPoints = Integer.parseInt(rule.get("maxPoints"));
            BigDecimal target = new BigDecimal(rule.get("target"));
            if (maxPoints == 0 || target.signum() == 0) {
                throw new IllegalArgumentException("@maxPoints and @target of a component must be more than 0");
            }
            components.add(new Criterion.Component(id, rule.name(), maxPoints, target, rule.at()));
        }
        if (paths.isEmpty()) {
            problems.add(new Diagnostic(bar.at(), "the score '" + criterion + "' of tier '" + tier + "' has no component:"
                    + " add rules with @path, @component, @maxPoints and @target", bar.name()));
            return null;
        }
        if (!(requirement(bar) instanceof Requirement.AtLeast atLeast)) {
            throw new IllegalArgumentException("a score's bar is a number of points: @required(N)");
        }
        int best = paths.values().stream().mapToInt(p -> p.stream().mapToInt(Criterion.Component::maxPoints).sum())
                .max().orElse(0);
        if (atLeast.threshold().compareTo(BigDecimal.valueOf(best)) > 0) {
            problems.add(new Diagnostic(bar.at(), "a bar of " + atLeast.threshold().toPlainString()
                    + " points is more than any path can score (at most " + best + ")", bar.name()));
            return null;
        }
        int minimum = bar.has("minimumPoints") ? Integer.parseInt(bar.get("minimumPoints")) : 0;
        int smallest = paths.values().stream().flatMap(List::stream).mapToInt(Criterion.Component::maxPoints).min()
                .orElse(0);
        if (minimum > smallest) {
            problems.add(new Diagnostic(bar.at(), "@minimumPoints(" + minimum + ") is more than a component can earn"
                    + " (the smallest @maxPoints is " + smallest + ")", bar.name()));
            return null;
        }
        return new Criterion.Score(criterion, first.description(), atLeast.threshold(), minimum, bar.name(),
                paths.entrySet().stream().map(e -> new Criterion.Path(e.getKey(), e.getValue())).toList(), first.at());
    }

    private static Requirement requirement(RuleEntry rule) {
        if (rule.has("atMost")) {
            return Requirement.atMost(rule.get("atMost"));
        }
        return Requirement.parse(rule.get("required"));
    }

    private List<Rule> rulesInSourceOrder(KieBase kieBase) {
        return kieBase.getKiePackages().stream().map(KiePackage::getRules).flatMap(rules -> rules.stream())
                .sorted(Comparator.comparing((Rule r) -> index.positionOf(r.getName(), "").file())
                        .thenComparingInt(r -> index.positionOf(r.getName(), "").line()))
                .toList();
    }

    private static String metadata(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.isBlank() ? null : text;
    }

    private SourcePosition inDescriptor(String key, String value) {
        return lineOf(descriptorText, key, value);
    }

    /** Where {@code key:} is in program.yaml. */
    static SourcePosition lineOf(String descriptorText, String key) {
        return lineOf(descriptorText, key, null);
    }

    /** The line of {@code key: value} (or of {@code key:} when value is null) in program.yaml. */
    private static SourcePosition lineOf(String descriptorText, String key, String value) {
        Pattern line = Pattern.compile("(?m)^[\\s-]*" + Pattern.quote(key) + "\\s*:\\s*"
                + (value == null ? "" : "[\"']?" + Pattern.quote(value) + "[\"']?\\s*$"));
        Matcher found = line.matcher(descriptorText);
        if (!found.find()) {
            return new SourcePosition(RulesetCompiler.DESCRIPTOR, 1, 1);
        }
        int keyOffset = found.start() + descriptorText.substring(found.start(), found.end()).indexOf(key);
        return SourcePosition.of(RulesetCompiler.DESCRIPTOR, descriptorText, keyOffset);
    }
}
