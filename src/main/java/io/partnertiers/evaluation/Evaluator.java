package io.partnertiers.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import io.partnertiers.facts.Partner;
import io.partnertiers.facts.PartnerFacts;
import io.partnertiers.facts.Standings;
import io.partnertiers.measures.Measure;
import io.partnertiers.rules.Criterion;
import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.Tier;

/**
 * Runs one program's rules over one partner's facts and climbs the ladder with what they
 * measured. Criteria that reuse another program's tiers are answered by evaluating that
 * program with the same facts, once per evaluation.
 */
public final class Evaluator {

    private final Function<String, Optional<Ruleset>> programs;

    /** @param programs the other loaded programs, by id, for criteria that reuse their tiers */
    public Evaluator(Function<String, Optional<Ruleset>> programs) {
        this.programs = programs;
    }

    public EvaluationResult evaluate(Ruleset ruleset, PartnerFacts facts, LocalDate asOf, boolean explain) {
        return evaluate(ruleset, facts, asOf, explain, null);
    }

    /**
     * @param prior where the partner stood at its last recorded decision, for programs whose policy
     *        holds demotions back; null when there is none
     */
    public EvaluationResult evaluate(Ruleset ruleset, PartnerFacts facts, LocalDate asOf, boolean explain,
            PriorStanding prior) {
        OtherPrograms others = new OtherPrograms(facts, asOf, Set.of(ruleset.id()));
        Run run = run(ruleset, facts, asOf, others, explain);
        HeldDemotion.Held held = HeldDemotion.apply(ruleset, run.outcome(), prior, asOf);
        Ladder.Outcome outcome = held.outcome();
        return new EvaluationResult(ruleset.id(), facts.partnerId(), asOf, ruleset.version(), outcome.segment(),
                outcome.nextSegment(), outcome.gaps(), outcome.tiers(), outcome.entitlements(), null,
                explain ? explain(ruleset, run) : null, held.atRisk(), null, null);
    }

    private record Run(Ladder.Outcome outcome, Scorecard scorecard, Set<String> rulesFired) {
    }

    private static Run run(Ruleset ruleset, PartnerFacts facts, LocalDate asOf, Standings standings, boolean explain) {
        Scorecard scorecard = new Scorecard();
        Set<String> fired = new LinkedHashSet<>();
        KieSession session = ruleset.newSession();
        DefaultAgendaEventListener listener = null;
        try {
            if (explain) {
                listener = new DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent event) {
                        fired.add(event.getMatch().getRule().getName());
                    }
                };
                session.addEventListener(listener);
            }
            session.setGlobal("scorecard", scorecard);
            session.insert(new Partner(facts, asOf, standings, ruleset.metricsUnmetWhenMissing()));
            // each rule measures one criterion of the one Partner fact, so it fires once at most;
            // more would mean the rules loop, and the evaluation stops there instead of hanging
            int budget = ruleset.ruleCount();
            if (session.fireAllRules(budget + 1) > budget) {
                throw new RuleBudgetExceededException(ruleset.id(), budget);
            }
        } finally {
            if (listener != null) {
                session.removeEventListener(listener); // pooled sessions keep their listeners otherwise
            }
            session.dispose();
        }
        return new Run(Ladder.climb(ruleset, scorecard), scorecard, fired);
    }

    private static Explanation explain(Ruleset ruleset, Run run) {
        List<Explanation.TierExplanation> tiers = new ArrayList<>();
        for (Tier tier : ruleset.tiers()) {
            List<String> fired = tier.criteria().stream().flatMap(c -> c.ruleNames().stream())
                    .filter(run.rulesFired()::contains).toList();
            List<Explanation.CriterionEvidence> criteria = new ArrayList<>();
            for (Criterion criterion : tier.criteria()) {
                for (String rule : criterion.ruleNames()) {
                    criteria.add(new Explanation.CriterionEvidence(criterion.id(), rule,
                            ruleset.id() + "/" + criterion.source(),
                            run.scorecard().actualOf(rule) instanceof Measure measure ? measure.evidence() : List.of()));
                }
            }
            tiers.add(new Explanation.TierExplanation(tier.id(), fired, criteria));
        }
        return new Explanation(tiers);
    }

    /**
     * The partner's standing in the other programs its rules ask about, each evaluated once with
     * the same facts; {@code visiting} guards against programs that refer to each other.
     */
    private final class OtherPrograms implements Standings {

        private final PartnerFacts facts;
        private final LocalDate asOf;
        private final Set<String> visiting;
        private final Map<String, Ladder.Outcome> outcomes = new HashMap<>();

        OtherPrograms(PartnerFacts facts, LocalDate asOf, Set<String> visiting) {
            this.facts = facts;
            this.asOf = asOf;
            this.visiting = visiting;
        }

        @Override
        public boolean reaches(String program, String tier) {
            if (visiting.contains(program)) {
                throw new IllegalStateException("Programs refer to each other: " + visiting + " and " + program);
            }
            Ladder.Outcome outcome = outcomes.computeIfAbsent(program, id -> {
                Ruleset other = programs.apply(id).orElseThrow(
                        () -> new IllegalStateException("Rules refer to program '" + id + "', which is not loaded"));
                Set<String> deeper = new LinkedHashSet<>(visiting);
                deeper.add(id);
                return run(other, facts, asOf, new OtherPrograms(facts, asOf, deeper), false).outcome();
            });
            return outcome.tiers().stream().filter(t -> t.tier().equals(tier)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Program '" + program + "' has no tier '" + tier + "'"))
                    .reached();
        }
    }
}
