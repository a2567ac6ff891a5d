package io.partnertiers.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.partnertiers.audit.DecisionLog;
import io.partnertiers.facts.InvalidWhatIfException;
import io.partnertiers.facts.PartnerFacts;
import io.partnertiers.facts.WhatIf;
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
        return evaluate(programId, facts, asOf, record, explain, null, null);
    }

    /**
     * Besides the decision, what was asked beside it; neither is part of the recorded decision.
     *
     * @param forecast the horizon of a forecast of the segment, or null for none
     * @param whatIf facts to evaluate on top of the submitted ones, or null for none
     * @throws ForecastHorizonException when the horizon ends more than {@link Forecast#MAX_HORIZON} after the day
     * @throws InvalidWhatIfException when the what-if takes the facts out of their bounds; nothing is recorded then
     */
    public EvaluationResult evaluate(String programId, PartnerFacts facts, LocalDate asOf, boolean record,
            boolean explain, Period forecast, WhatIf whatIf) {
        return answer(programId, facts, null, asOf, record, explain, forecast, whatIf).result();
    }

    /**
     * As {@link #evaluate(String, PartnerFacts, LocalDate, boolean, boolean, Period, WhatIf)}, with the answer's
     * JSON when a recorded decision has it written already.
     *
     * @param submittedJson the JSON the facts were bound from, which a recorded decision keeps; null: the facts written out
     */
    public Answer answer(String programId, PartnerFacts facts, byte[] submittedJson, LocalDate asOf,
            boolean record, boolean explain, Period forecast, WhatIf whatIf) {
        return submit(programId, facts, submittedJson, asOf, record, explain, forecast, whatIf).await();
    }

    /**
     * Evaluates now and, when {@code record}, queues the decision for the next group commit without
     * waiting for it: a batch submits many and awaits each answer in turn, so that they share commits.
     *
     * @param asOf the evaluation day; null for today in UTC
     * @throws ProgramNotFoundException if no such program is loaded
     */
    public PendingAnswer submit(String programId, PartnerFacts facts, byte[] submittedJson, LocalDate asOf,
            boolean record, boolean explain) {
        return submit(programId, facts, submittedJson, asOf, record, explain, null, null);
    }

    private PendingAnswer submit(String programId, PartnerFacts facts, byte[] submittedJson, LocalDate asOf,
            boolean record, boolean explain, Period forecast, WhatIf whatIf) {
        Map<String, Ruleset> programs = registry.snapshot();
        Ruleset ruleset = Optional.ofNullable(programs.get(programId))
                .orElseThrow(() -> new ProgramNotFoundException(programId));
        // what this evaluation logs names the program and partner (and the decision, once recorded)
        MDC.put("program", programId);
        MDC.put("partnerId", facts.partnerId());
        try {
            LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
            PartnerFacts withWhatIf = whatIf == null ? null : whatIf.addTo(facts);
            PriorStanding prior = ruleset.policy().holdsDemotions()
                    ? decisions.standingBefore(facts.partnerId(), programId, day).orElse(null)
                    : null;
            Function<String, Optional<Ruleset>> others = id -> Optional.ofNullable(programs.get(id));
            Evaluator evaluator = new Evaluator(others);
            long started = System.nanoTime();
            EvaluationResult result = evaluator.evaluate(ruleset, facts, day, explain, prior);
            metrics.engine(programId, Duration.ofNanos(System.nanoTime() - started));
            Forecast projected = forecast == null ? null : new Forecaster(others).forecast(ruleset, facts, day, forecast,
                    result.atRisk() == null ? result : evaluator.evaluate(ruleset, facts, day, false, null));
            WhatIfResult beside = withWhatIf == null ? null
                    : WhatIfResult.beside(ruleset.tiers(), result, evaluator.evaluate(ruleset, withWhatIf, day, false, prior));
            if (!record) {
                Answer answer = Answer.of(result.with(projected, beside));
                return () -> answer;
            }
            DecisionLog.PendingDecision pending = decisions.submit(facts, submittedJson, result);
            return () -> {
                Answer answer = pending.await();
                EvaluationResult recorded = answer.result();
                if (LOG.isDebugEnabled()) {
                    MDC.put("program", programId);
                    MDC.put("partnerId", facts.partnerId());
                    MDC.put("evaluationId", recorded.evaluationId());
                    LOG.debugf("recorded %s: %s", recorded.evaluationId(), recorded.segment());
                    MDC.remove("program");
                    MDC.remove("partnerId");
                    MDC.remove("evaluationId");
                }
                // what was asked beside the decision is not stored, so its answer is written afresh
                return projected == null && beside == null ? answer : Answer.of(recorded.with(projected, beside));
            };
        } finally {
            MDC.remove("program");
            MDC.remove("partnerId");
        }
    }

    private static final Logger LOG = Logger.getLogger(EvaluationService.class);
}
