package io.partnertiers.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.partnertiers.GeneratedPartners;
import io.partnertiers.facts.PartnerFacts;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A forecast evaluates on the days facts enter or leave a measure only; on generated partners it must
 * find exactly the changes that evaluating every day of the horizon finds, each answer the one the
 * service gives for that asOf.
 */
@QuarkusTest
class ForecastDayByDayTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

    @Inject
    EvaluationService evaluations;

    @ParameterizedTest(name = "{0} over {1}, {2} partners")
    @CsvSource({
            "servicenow-partner, P400D, 12",
            "microsoft-mpn, P400D, 12",
            "cisco-cx, P400D, 12",
            "cisco-adopt-incentive, P400D, 12",
            "salesforce-csat-points, P400D, 12",
            "servicenow-tpp, P400D, 12",
            "partner-portal, P400D, 12",
            "iped-cs-readiness, P400D, 4",
            "microsoft-solutions-partner, P400D, 4",
            "servicenow-partner, P5Y, 2",
            "salesforce-csat-points, P5Y, 2"})
    void shouldFindTheChangesThatEvaluatingEveryDayFinds(String program, String horizon, int partners) {
        GeneratedPartners generated = new GeneratedPartners(program.hashCode() + horizon.hashCode(), AS_OF, 450);
        Period period = Period.parse(horizon);
        int changes = 0;
        for (int p = 0; p < partners; p++) {
            PartnerFacts facts = generated.next(program + "-" + p);
            Forecast forecast = evaluations.evaluate(program, facts, AS_OF, false, false, period, null).forecast();

            List<String> everyDay = new ArrayList<>();
            String before = evaluations.evaluate(program, facts, AS_OF, false, false).segment();
            LocalDate until = AS_OF.plus(period);
            for (LocalDate day = AS_OF.plusDays(1); !day.isAfter(until); day = day.plusDays(1)) {
                String after = evaluations.evaluate(program, facts, day, false, false).segment();
                if (!Objects.equals(before, after)) {
                    everyDay.add(day + ": " + before + " -> " + after);
                }
                before = after;
            }

            List<String> forecastChanges = forecast.changes().stream()
                    .map(c -> c.date() + ": " + c.segmentBefore() + " -> " + c.segmentAfter()).toList();
            assertEquals(everyDay, forecastChanges, facts.partnerId());
            assertEquals(until, forecast.until());
            long days = ChronoUnit.DAYS.between(AS_OF, until);
            assertTrue(forecast.evaluations() <= days / 4, facts.partnerId() + " took " + forecast.evaluations()
                    + " evaluations for " + days + " days");
            forecast.changes().forEach(change -> assertTrue(!change.criteria().isEmpty()
                    && change.criteria().stream().allMatch(c -> !c.causes().isEmpty()), change.toString()));
            changes += forecast.changes().size();
        }
        if (program.equals("iped-cs-readiness") || program.equals("microsoft-solutions-partner")) {
            assertEquals(0, changes, "their measures read no dated fact");
        } else {
            assertTrue(changes > 0, "the generated partners change segment at least once");
        }
    }
}
