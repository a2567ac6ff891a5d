package io.partnertiers.evaluation;

import java.util.HashMap;
import java.util.Map;

import org.drools.model.Drools;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The DRL global {@code scorecard}: each criterion rule hands it the value it measured. One
 * scorecard per evaluation, never shared between threads.
 */
public final class Scorecard {

    private final Map<String, Object> actualByRule = new HashMap<>();

    /**
     * Called from a rule's consequence: {@code scorecard.measured(drools, $actual);}. The
     * executable model's {@code drools} is also the rule context, which names the rule.
     */
    public void measured(Drools drools, Object actual) {
        measured(((RuleContext) drools).getRule().getName(), actual);
    }

    void measured(String rule, Object actual) {
        actualByRule.put(rule, actual);
    }

    boolean hasMeasured(String rule) {
        return actualByRule.containsKey(rule);
    }

    Object actualOf(String rule) {
        return actualByRule.get(rule);
    }
}
