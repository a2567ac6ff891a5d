package io.partnertiers.evaluation;

import java.time.LocalDate;

import org.kie.api.runtime.KieSession;

import io.partnertiers.facts.Partner;
import io.partnertiers.facts.PartnerFacts;
import io.partnertiers.rules.Ruleset;

/** Runs one program's rules over one partner's facts and climbs the ladder with what they measured. */
public final class Evaluator {

    private Evaluator() {
    }

    public static EvaluationResult evaluate(Ruleset ruleset, PartnerFacts facts, LocalDate asOf) {
        Scorecard scorecard = new Scorecard();
        KieSession session = ruleset.newSession();
        try {
            session.setGlobal("scorecard", scorecard);
            session.insert(new Partner(facts, asOf));
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        Ladder.Outcome outcome = Ladder.climb(ruleset, scorecard);
        return new EvaluationResult(ruleset.id(), facts.partnerId(), asOf, ruleset.version(), outcome.segment(),
                outcome.nextSegment(), outcome.gaps(), outcome.tiers(), outcome.entitlements(), null);
    }
}
