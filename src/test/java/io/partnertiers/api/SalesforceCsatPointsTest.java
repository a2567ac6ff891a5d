package io.partnertiers.api;

import static io.partnertiers.PartnerJson.partner;
import static io.partnertiers.api.ServicenowPartnerTest.decimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.partnertiers.ApiTest;
import io.partnertiers.PartnerJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** salesforce-csat-points, checked against PROGRAMS.md §4: fiscal year from 1 February. */
@QuarkusTest
class SalesforceCsatPointsTest extends ApiTest {

    private static final String PROGRAM = "salesforce-csat-points";
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
    private static final LocalDate IN_FISCAL_YEAR = LocalDate.of(2026, 3, 15);

    private static JsonPath evaluateScores(LocalDate asOf, LocalDate date, String... scores) {
        PartnerJson partner = partner();
        for (String score : scores) {
            partner.csat(score, date);
        }
        return evaluate(PROGRAM, partner.asOf(asOf));
    }

    @ParameterizedTest(name = "mean {0} earns {1}")
    @CsvSource({
            "4.19, , POINTS_10, 0.01",
            "4.2, POINTS_10, POINTS_20, 0.2",
            "4.4, POINTS_20, POINTS_30, 0.2",
            "4.6, POINTS_30, POINTS_40, 0.2",
            "4.8, POINTS_40, POINTS_50, 0.1",
            "4.89, POINTS_40, POINTS_50, 0.01",
            "4.9, POINTS_50, , "})
    void shouldEarnTheLevelWhoseThresholdTheMeanReaches(String mean, String segment, String next, String shortfall) {
        JsonPath answer = evaluateScores(AS_OF, IN_FISCAL_YEAR, mean, mean);

        assertEquals(segment, answer.getString("segment"));
        assertEquals(next, answer.getString("nextSegment"));
        if (next == null) {
            assertEquals(List.of(), answer.getList("gaps"));
        } else {
            assertEquals(List.of("csat-average"), gapCriteria(answer));
            assertEquals(0, new BigDecimal(shortfall).compareTo(decimal(answer.get("gaps[0].shortfall"))));
        }
    }

    @Test
    void shouldAverageExactlySoThatTenScoresOf4Point9Earn50Points() {
        String[] scores = new String[10];
        java.util.Arrays.fill(scores, "4.9");

        JsonPath answer = evaluateScores(AS_OF, IN_FISCAL_YEAR, scores);

        assertEquals("POINTS_50", answer.getString("segment"));
        assertEquals(0, new BigDecimal("4.9").compareTo(decimal(criterion(answer, "POINTS_50", "csat-average").get("actual"))));
    }

    @Test
    void shouldCountOnlyTheFiscalYearThatContainsTheEvaluationDay() {
        PartnerJson partner = partner()
                .csat("4.9", LocalDate.of(2026, 2, 1))      // first day of the fiscal year: counts
                .csat("1.0", LocalDate.of(2026, 1, 31))     // last day of the previous one: ignored
                .csat("1.0", LocalDate.of(2026, 11, 25));   // after asOf: ignored

        JsonPath answer = evaluate(PROGRAM, partner.asOf(AS_OF));

        assertEquals("POINTS_50", answer.getString("segment"));
    }

    @Test
    void shouldStartAFreshYearOnTheFirstOfFebruary() {
        JsonPath january = evaluateScores(LocalDate.of(2027, 1, 31), LocalDate.of(2026, 2, 1), "4.9");
        JsonPath february = evaluateScores(LocalDate.of(2027, 2, 1), LocalDate.of(2026, 2, 1), "4.9");

        assertEquals("POINTS_50", january.getString("segment"));
        assertNull(february.get("segment"), "last year's responses no longer count");
        assertNull(february.get("gaps[0].actual"));
        assertNull(february.get("gaps[0].shortfall"));
    }

    @Test
    void shouldReachNoLevelWithoutAResponse() {
        JsonPath answer = evaluate(PROGRAM, partner().asOf(AS_OF));

        assertNull(answer.get("segment"));
        assertEquals("POINTS_10", answer.getString("nextSegment"));
        assertEquals(List.of("POINTS_10", "POINTS_20", "POINTS_30", "POINTS_40", "POINTS_50"), answer.getList("tiers.tier"));
    }
}
