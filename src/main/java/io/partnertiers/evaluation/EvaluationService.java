package io.partnertiers.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.partnertiers.audit.DecisionLog;
import io.partnertiers.facts.PartnerFacts;
import io.partnertiers.metrics.EvaluationMetrics;
import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.RulesetRegistry;

/** Evaluates a partner against a loaded program, as of a given day or today in UTC. */
@ApplicationScoped
public class EvaluationService {

    private final RulesetRegistry registry;
    private final DecisionLog decisions;
    private final Clock clock;
    private final EvaluationMetrics metrics;

    EvaluationService(RulesetRegistry registry, DecisionLog decisions, Clock clock, EvaluationMetrics metrics) {
        this.metrics = metrics;
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
        // what this request logs names the program and partner (and the decision, once recorded)
        MDC.put("program", programId);
        MDC.put("partnerId", facts.partnerId());
        try {
            LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
            PriorStanding prior = ruleset.policy().holdsDemotions()
                    ? decisions.standingBefore(facts.partnerId(), programId, day).orElse(null)
                    : null;
            long started = System.nanoTime();
            EvaluationResult result = new Evaluator(id -> Optional.ofNullable(programs.get(id)))
                    .evaluate(ruleset, facts, day, explain, prior);
            metrics.engine(programId, Duration.ofNanos(System.nanoTime() - started));
            if (!record) {
                return result;
            }
            EvaluationResult recorded = decisions.record(facts, result);
            MDC.put("evaluationId", recorded.evaluationId());
            LOG.debugf("recorded %s: %s", recorded.evaluationId(), recorded.segment());
            return recorded;
        } finally {
            MDC.remove("program");
            MDC.remove("partnerId");
            MDC.remove("evaluationId");
        }
    }

    private static final Logger LOG = Logger.getLogger(EvaluationService.class);
}
