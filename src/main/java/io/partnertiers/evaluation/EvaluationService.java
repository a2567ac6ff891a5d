package io.partnertiers.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnertiers.audit.DecisionLog;
import io.partnertiers.facts.PartnerFacts;
import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.RulesetRegistry;

/** Evaluates a partner against a loaded program, as of a given day or today in UTC. */
@ApplicationScoped
public class EvaluationService {

    private final RulesetRegistry registry;
    private final DecisionLog decisions;
    private final Clock clock;

    EvaluationService(RulesetRegistry registry, DecisionLog decisions, Clock clock) {
        this.registry = registry;
        this.decisions = decisions;
        this.clock = clock;
    }

    /**
     * @param asOf the evaluation day; null for today in UTC
     * @param record store the decision; the answer then carries its {@code evaluationId}
     */
    public EvaluationResult evaluate(String programId, PartnerFacts facts, LocalDate asOf, boolean record,
            boolean explain) {
        Map<String, Ruleset> programs = registry.snapshot();
        Ruleset ruleset = Optional.ofNullable(programs.get(programId))
                .orElseThrow(() -> new ProgramNotFoundException(programId));
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        PriorStanding prior = ruleset.policy().holdsDemotions()
                ? decisions.standingBefore(facts.partnerId(), programId, day).orElse(null)
                : null;
        EvaluationResult result = new Evaluator(id -> Optional.ofNullable(programs.get(id)))
                .evaluate(ruleset, facts, day, explain, prior);
        return record ? decisions.record(facts, result) : result;
    }
}
