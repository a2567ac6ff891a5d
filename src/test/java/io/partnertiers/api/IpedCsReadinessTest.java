package io.partnertiers.api;

import static io.partnertiers.PartnerJson.map;
import static io.partnertiers.PartnerJson.partner;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.partnertiers.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** iped-cs-readiness, checked against PROGRAMS.md §5: bands by the sum of five sections. */
@QuarkusTest
class IpedCsReadinessTest extends ApiTest {

    private static final String PROGRAM = "iped-cs-readiness";

    /** Section scores summing to {@code points}, spread over the five sections. */
    private static Map<String, Object> scores(int points) {
        String[] sections = {"STRATEGY_ROLES", "KPIS_TARGETS", "SEGMENTATION_PROFILES", "SUPPORT_ENABLEMENT", "STAFFING_MODEL"};
        Map<String, Object> scores = map();
        for (int i = 0; i < sections.length && points > 0; i++) {
            int section = Math.min(100, points);
            scores.put(sections[i], section);
            points -= section;
        }
        return scores;
    }

    @ParameterizedTest(name = "{0} points")
    @CsvSource({
            "0, FORMULATING, PREPARING, 201",
            "200, FORMULATING, PREPARING, 1",
            "201, PREPARING, ASPIRING, 100",
            "300, PREPARING, ASPIRING, 1",
            "301, ASPIRING, OPTIMIZING, 100",
            "400, ASPIRING, OPTIMIZING, 1",
            "401, OPTIMIZING, , ",
            "500, OPTIMIZING, , "})
    void shouldPlaceThePointsInTheirBand(int points, String segment, String next, Integer shortfall) {
        JsonPath answer = evaluate(PROGRAM, partner().with("readinessScores", scores(points)).body());

        assertEquals(segment, answer.getString("segment"));
        assertEquals(next, answer.getString("nextSegment"));
        assertEquals(points, answer.getInt("tiers[0].criteria[0].actual"));
        if (shortfall != null) {
            assertEquals(List.of("readiness-points"), gapCriteria(answer));
            assertEquals(shortfall, answer.getInt("gaps[0].shortfall"));
        } else {
            assertEquals(List.of(), answer.getList("gaps"));
        }
    }

    @Test
    void shouldCountAMissingSectionAsZero() {
        JsonPath answer = evaluate(PROGRAM, partner().with("readinessScores",
                map("STRATEGY_ROLES", 100, "KPIS_TARGETS", 100, "STAFFING_MODEL", 1)).body());

        assertEquals("PREPARING", answer.getString("segment"));
    }

    @Test
    void shouldStartEveryPartnerAtFormulating() {
        JsonPath answer = evaluate(PROGRAM, partner().body());

        assertEquals("FORMULATING", answer.getString("segment"));
        assertEquals(List.of("FORMULATING", "PREPARING", "ASPIRING", "OPTIMIZING"), answer.getList("tiers.tier"));
    }
}
