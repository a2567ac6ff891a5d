package io.partnertiers.rules;

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

    private final ProgramDescriptor descriptor;
    private final String descriptorText;
    private final RuleIndex index = new RuleIndex();

    LadderAssembler(ProgramDescriptor descriptor, Map<String, String> sources) {
        this.descriptor = descriptor;
        this.descriptorText = sources.getOrDefault(RulesetCompiler.DESCRIPTOR, "");
        sources.forEach((file, text) -> {
            if (file.endsWith(".drl")) {
                index.scan(file, text);
            }
        });
    }

    List<Tier> assemble(KieBase kieBase, List<Diagnostic> problems) {
        Map<String, List<Criterion>> criteriaByTier = new LinkedHashMap<>();
        for (TierDescriptor tier : descriptor.tiers()) {
            if (criteriaByTier.put(tier.id(), new ArrayList<>()) != null) {
                problems.add(new Diagnostic(inDescriptor("id", tier.id()), "tier '" + tier.id() + "' is declared twice", null));
            }
        }
        Set<String> measured = new HashSet<>();
        int problemsBefore = problems.size();
        for (Rule rule : rulesInSourceOrder(kieBase)) {
            Criterion criterion = read(rule, criteriaByTier, problems);
            if (criterion != null) {
                criteriaByTier.get(tierOf(rule)).add(criterion);
                measured.add(criterion.id());
            }
        }
        if (problems.size() > problemsBefore) {
            return List.of(); // the checks below would only repeat the rules' problems
        }
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

    private Criterion read(Rule rule, Map<String, List<Criterion>> criteriaByTier, List<Diagnostic> problems) {
        SourcePosition at = index.positionOf(rule.getName(), "?");
        String tier = tierOf(rule);
        String criterion = metadata(rule, "criterion");
        Object required = rule.getMetaData().get("required");
        if (tier == null || criterion == null || required == null) {
            problems.add(new Diagnostic(at,
                    "every rule must state @tier(\"…\"), @criterion(\"…\") and @required(…)", rule.getName()));
            return null;
        }
        if (!criteriaByTier.containsKey(tier)) {
            problems.add(new Diagnostic(at, "tier '" + tier + "' is not declared in program.yaml", rule.getName()));
            return null;
        }
        String description = descriptor.criteria().get(criterion);
        if (description == null) {
            problems.add(new Diagnostic(at, "criterion '" + criterion
                    + "' has no description under 'criteria:' in program.yaml", rule.getName()));
            return null;
        }
        if (criteriaByTier.get(tier).stream().anyMatch(c -> c.id().equals(criterion))) {
            problems.add(new Diagnostic(at, "tier '" + tier + "' already has a rule for criterion '" + criterion + "'",
                    rule.getName()));
            return null;
        }
        try {
            return new Criterion(criterion, description, Requirement.parse(required), rule.getName(), at);
        } catch (IllegalArgumentException e) {
            problems.add(new Diagnostic(at, e.getMessage(), rule.getName()));
            return null;
        }
    }

    private List<Rule> rulesInSourceOrder(KieBase kieBase) {
        return kieBase.getKiePackages().stream().map(KiePackage::getRules).flatMap(rules -> rules.stream())
                .sorted(Comparator.comparing((Rule r) -> index.positionOf(r.getName(), "").file())
                        .thenComparingInt(r -> index.positionOf(r.getName(), "").line()))
                .toList();
    }

    private static String tierOf(Rule rule) {
        return metadata(rule, "tier");
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

    /** The line of {@code key: value} (or of {@code key:} when value is null) in program.yaml. */
    private SourcePosition inDescriptor(String key, String value) {
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
