package io.partnertiers.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

import io.partnertiers.facts.PartnerFacts;
import io.partnertiers.rules.Criterion;
import io.partnertiers.rules.Requirement;
import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.SourcePosition;
import io.partnertiers.rules.Tier;
import io.partnertiers.rules.TierPolicy;

/**
 * The last line of defence behind the rule checker: an evaluation fires each rule once at most.
 * The looping rules here could never pass the checker, so they are compiled around it.
 */
class RuleBudgetTest {

    private static final String LOOPING_RULES = """
            package rules.looping;
            import io.partnertiers.facts.Partner;
            global io.partnertiers.evaluation.Scorecard scorecard;

            rule "Start"
            when
                Partner()
            then
                insert(new java.util.ArrayList());
            end

            rule "Again"
            when
                $list : java.util.ArrayList()
            then
                delete($list);
                insert(new java.util.ArrayList());
            end
            """;

    @Test
    void shouldStopAnEvaluationWhoseRulesFireMoreOftenThanTheProgramHasRules() {
        KieBase looping = compiledAroundTheChecker(LOOPING_RULES);
        Criterion start = new Criterion.Threshold("start", "Start", Requirement.parse("true"), "Start", new SourcePosition("x.drl", 5, 1));
        Criterion again = new Criterion.Threshold("again", "Again", Requirement.parse("true"), "Again", new SourcePosition("x.drl", 12, 1));
        Ruleset ruleset = new Ruleset("looping", "Looping", "v1", List.of(new Tier("ONLY", "Only", List.of(),
                List.of(start, again))), Map.of(), Map.of(), TierPolicy.NONE, looping);

        RuleBudgetExceededException stopped = assertThrows(RuleBudgetExceededException.class,
                () -> new Evaluator(id -> Optional.empty()).evaluate(ruleset, PartnerFacts.empty("p"),
                        LocalDate.of(2026, 11, 24), false));

        assertEquals("Program 'looping' fired more rules than the 2 it has: its rules loop", stopped.getMessage());
    }

    private KieBase compiledAroundTheChecker(String drl) {
        KieServices kie = KieServices.Factory.get();
        KieFileSystem files = kie.newKieFileSystem().write("src/main/resources/rules/looping/looping.drl", drl);
        KieBuilder builder = kie.newKieBuilder(files, getClass().getClassLoader()).buildAll(ExecutableModelProject.class);
        assertEquals(List.of(), builder.getResults().getMessages(Message.Level.ERROR));
        return kie.newKieContainer(kie.getRepository().getDefaultReleaseId(), getClass().getClassLoader()).getKieBase();
    }
}
