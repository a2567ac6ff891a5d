package io.partnertiers.evaluation;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnertiers.facts.PartnerFacts;
import io.partnertiers.rules.RulesetRegistry;

/** Evaluates a partner against a loaded program, as of a given day or today in UTC. */
@ApplicationScoped
public class EvaluationService {

    private final RulesetRegistry registry;
    private final Evaluator evaluator;
    private final Clock clock;

    EvaluationService(RulesetRegistry registry, Clock clock) {
        this.registry = registry;
        this.evaluator = new Evaluator(registry::find);
        this.clock = clock;
    }

    /** @param asOf the evaluation day; null for today in UTC */
    public EvaluationResult evaluate(String programId, PartnerFacts facts, LocalDate asOf, boolean explain) {
        var ruleset = registry.find(programId).orElseThrow(() -> new ProgramNotFoundException(programId));
        return evaluator.evaluate(ruleset, facts, asOf == null ? LocalDate.now(clock) : asOf, explain);
    }
}
