package io.partnertiers.api;

import static io.partnertiers.PartnerJson.partner;
import static io.partnertiers.api.ServicenowPartnerTest.decimal;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.partnertiers.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** microsoft-solutions-partner, checked against PROGRAMS.md §9: capped points on two paths. */
@QuarkusTest
class MicrosoftSolutionsPartnerTest extends ApiTest {

    private static final String PROGRAM = "microsoft-solutions-partner";
    private static final List<String> COMPONENTS = List.of("net-customer-adds", "intermediate-certifications",
            "advanced-certifications", "usage-growth", "deployments");

    /** A member with these metrics, given as key, value, key, value… */
    private static JsonPath member(Object... metrics) {
        Map<String, Object> submitted = new LinkedHashMap<>();
        for (int i = 0; i < metrics.length; i += 2) {
            submitted.put((String) metrics[i], metrics[i + 1]);
        }
        return evaluate(PROGRAM, partner().agreementSigned(true).with("metrics", submitted).body());
    }

    private static Map<String, Object> path(JsonPath answer, String path) {
        return answer.getMap("tiers.find { it.tier == 'SOLUTIONS_PARTNER' }.criteria[0].paths.find { it.path == '"
                + path + "' }");
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> points(JsonPath answer, String path) {
        return ((List<Map<String, Object>>) path(answer, path).get("components")).stream()
                .map(c -> ((Number) c.get("points")).intValue()).toList();
    }

    private static int score(JsonPath answer, String path) {
        return ((Number) path(answer, path).get("score")).intValue();
    }

    @Test
    void shouldNotBeAMemberWithoutTheAgreement() {
        JsonPath answer = evaluate(PROGRAM, partner().body());

        assertNull(answer.get("segment"));
        assertEquals("MEMBER", answer.getString("nextSegment"));
        assertEquals(List.of("agreement-signed"), gapCriteria(answer));
    }

    @Test
    void shouldScoreZeroOnBothPathsWithoutMetricsAndCountEnterpriseOnTheTie() {
        JsonPath answer = member();

        assertEquals("MEMBER", answer.getString("segment"));
        assertEquals("SOLUTIONS_PARTNER", answer.getString("nextSegment"));
        assertEquals(0, score(answer, "ENTERPRISE"));
        assertEquals(0, score(answer, "SMB"));
        assertEquals(true, path(answer, "ENTERPRISE").get("counts"));
        assertEquals(false, path(answer, "SMB").get("counts"));
        Map<String, Object> gap = gap(answer, "capability-score");
        assertEquals(new BigDecimal("70"), decimal(gap.get("required")));
        assertEquals(new BigDecimal("0"), decimal(gap.get("actual")));
        assertEquals(new BigDecimal("70"), decimal(gap.get("shortfall")));
        assertEquals("ENTERPRISE", gap.get("path"));
        assertEquals(COMPONENTS, answer.getList("gaps[0].belowMinimum.component"), "every metric is at 0 points");
        assertEquals("70 points missing on path ENTERPRISE; below 1 point on path ENTERPRISE: net-customer-adds,"
                + " intermediate-certifications, advanced-certifications, usage-growth, deployments", gap.get("summary"));
    }

    @Test
    void shouldReachSolutionsPartnerAtExactly70WithPartialPointsRoundedDown() {
        JsonPath answer = member("enterpriseNetCustomerAdds", 1, "intermediateCertifiedPeople", 1,
                "advancedCertifiedPeople", 2, "enterpriseUsageGrowthCustomers", 4, "enterpriseDeployments", 6);

        assertEquals("SOLUTIONS_PARTNER", answer.getString("segment"));
        assertNull(answer.get("nextSegment"));
        assertEquals(List.of(), answer.getList("gaps"));
        assertEquals(List.of(4, 2, 15, 24, 25), points(answer, "ENTERPRISE"), "10 × 1/4 = 2.5 earns 2");
        assertEquals(70, score(answer, "ENTERPRISE"));
        assertEquals(List.of(0, 5, 15, 0, 0), points(answer, "SMB"));
        assertEquals(20, score(answer, "SMB"));
        Map<String, Object> capability = criterion(answer, "SOLUTIONS_PARTNER", "capability-score");
        assertEquals(new BigDecimal("70"), decimal(capability.get("actual")));
        assertEquals("score", capability.get("comparison"));
        assertEquals(true, capability.get("met"));
    }

    @Test
    void shouldBeOnePointShortAt69AndListTheCheapestUnitsFirst() {
        JsonPath answer = member("enterpriseNetCustomerAdds", 1, "intermediateCertifiedPeople", 3,
                "advancedCertifiedPeople", 2, "enterpriseUsageGrowthCustomers", 3, "enterpriseDeployments", 6);

        assertEquals("MEMBER", answer.getString("segment"));
        assertEquals(69, score(answer, "ENTERPRISE"));
        Map<String, Object> gap = gap(answer, "capability-score");
        assertEquals(new BigDecimal("1"), decimal(gap.get("shortfall")));
        assertEquals(List.of(), answer.getList("gaps[0].belowMinimum"));
        // one more usage-growth customer earns 6 points, a net add 4, an intermediate certification 3
        assertEquals(List.of("usage-growth", "net-customer-adds", "intermediate-certifications"),
                answer.getList("gaps[0].toAdd.component"));
        assertEquals(List.of(6, 4, 3), answer.getList("gaps[0].toAdd.points", Integer.class));
        assertEquals(List.of(1, 1, 1), answer.getList("gaps[0].toAdd.units", Integer.class));
        assertEquals("1 point missing on path ENTERPRISE", gap.get("summary"));
    }

    @Test
    void shouldRefuse70WithOneMetricAtZeroPointsAndSayWhichAndHowManyUnits() {
        JsonPath answer = member("intermediateCertifiedPeople", 2, "advancedCertifiedPeople", 2,
                "enterpriseUsageGrowthCustomers", 5, "enterpriseDeployments", 5);

        assertEquals("MEMBER", answer.getString("segment"));
        assertEquals(List.of(0, 5, 15, 30, 20), points(answer, "ENTERPRISE"));
        assertEquals(70, score(answer, "ENTERPRISE"));
        Map<String, Object> gap = gap(answer, "capability-score");
        assertEquals(new BigDecimal("0"), decimal(gap.get("shortfall")), "no point is missing to 70");
        assertEquals(List.of("net-customer-adds"), answer.getList("gaps[0].belowMinimum.component"));
        assertEquals(List.of(1), answer.getList("gaps[0].belowMinimum.units", Integer.class));
        assertEquals(List.of(4), answer.getList("gaps[0].belowMinimum.points", Integer.class));
        assertEquals("below 1 point on path ENTERPRISE: net-customer-adds", gap.get("summary"));
    }

    @Test
    void shouldLetTheSmbPathBeatTheEnterprisePath() {
        JsonPath answer = member("smbNetCustomerAdds", 10, "intermediateCertifiedPeople", 2,
                "advancedCertifiedPeople", 1, "smbUsageGrowthCustomers", 10, "smbDeployments", 12);

        assertEquals("SOLUTIONS_PARTNER", answer.getString("segment"));
        assertEquals(100, score(answer, "SMB"));
        assertEquals(List.of(0, 5, 7, 0, 0), points(answer, "ENTERPRISE"));
        assertEquals(12, score(answer, "ENTERPRISE"));
        assertEquals(true, path(answer, "SMB").get("counts"));
        assertEquals(false, path(answer, "ENTERPRISE").get("counts"));
        Map<String, Object> capability = criterion(answer, "SOLUTIONS_PARTNER", "capability-score");
        assertEquals(new BigDecimal("100"), decimal(capability.get("actual")));
    }

    @Test
    void shouldCountAQualifyingPathOverAHigherScoreWithAMetricAtZero() {
        JsonPath answer = member("smbNetCustomerAdds", 1, "intermediateCertifiedPeople", 4,
                "advancedCertifiedPeople", 2, "enterpriseUsageGrowthCustomers", 5, "enterpriseDeployments", 6,
                "smbUsageGrowthCustomers", 8, "smbDeployments", 11);

        assertEquals(80, score(answer, "ENTERPRISE"));
        assertEquals(false, path(answer, "ENTERPRISE").get("met"));
        assertEquals(73, score(answer, "SMB"));
        assertEquals(true, path(answer, "SMB").get("counts"));
        assertEquals("SOLUTIONS_PARTNER", answer.getString("segment"));
    }

    @Test
    void shouldCapEachMetricAtItsMaximumPoints() {
        JsonPath answer = member("enterpriseNetCustomerAdds", 500, "intermediateCertifiedPeople", 400,
                "advancedCertifiedPeople", 200, "enterpriseUsageGrowthCustomers", 500, "enterpriseDeployments", 600);

        assertEquals(List.of(20, 10, 15, 30, 25), points(answer, "ENTERPRISE"));
        assertEquals(100, score(answer, "ENTERPRISE"));
    }

    @Test
    void shouldGiveFractionalMetricsPointsAndUnitsAtTheirOwnPrecision() {
        JsonPath answer = member("enterpriseNetCustomerAdds", new BigDecimal("0.3"));

        assertEquals(1, points(answer, "ENTERPRISE").get(0), "20 × 0.3 / 5 = 1.2 earns 1");
        assertEquals(new BigDecimal("0.2"),
                answer.get("gaps[0].toAdd.find { it.component == 'net-customer-adds' }.units"),
                "0.5 earns the second point");
        assertEquals(List.of("advanced-certifications", "usage-growth", "net-customer-adds"),
                answer.getList("gaps[0].toAdd.component").subList(0, 3),
                "7 points for 1 advanced certification, 6 for 1 usage growth, 1 for 0.2 net adds (5 per unit)");
    }

    @Test
    void shouldIgnoreMetricsTheProgramDoesNotDeclare() {
        JsonPath answer = member("anyCustomNumber", 1000, "enterpriseDeployments", 6);

        assertEquals(25, score(answer, "ENTERPRISE"));
        assertFalse(answer.prettify().contains("anyCustomNumber"));
    }

    @Test
    void shouldRefuseNegativeAndNonNumericMetrics() {
        for (String metrics : List.of("{\"enterpriseDeployments\": -1}", "{\"enterpriseDeployments\": \"6\"}",
                "{\"enterpriseDeployments\": null}", "{\"enterpriseDeployments\": true}")) {
            given().contentType(ContentType.JSON)
                    .body("{\"partner\": {\"partnerId\": \"acme\", \"metrics\": " + metrics + "}}")
                    .when().post("/programs/{program}/evaluations", PROGRAM)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body(containsString("partner.metrics"));
        }
    }

    @Test
    void shouldDescribeTheScoreInTheProgram() {
        JsonPath program = given().when().get("/programs/{program}", PROGRAM).then().statusCode(200).extract()
                .jsonPath();

        Map<String, Object> capability = program.getMap(
                "tiers.find { it.id == 'SOLUTIONS_PARTNER' }.criteria.find { it.criterion == 'capability-score' }");
        assertEquals(new BigDecimal("70"), decimal(capability.get("required")));
        assertEquals("score", capability.get("comparison"));
        assertEquals(1, ((Number) capability.get("minimumPoints")).intValue());
        assertEquals(List.of("ENTERPRISE", "SMB"), program.getList(
                "tiers.find { it.id == 'SOLUTIONS_PARTNER' }.criteria[0].paths.path"));
        assertEquals(List.of(20, 10, 15, 30, 25), program.getList(
                "tiers.find { it.id == 'SOLUTIONS_PARTNER' }.criteria[0].paths[1].components.maxPoints", Integer.class));
        assertEquals(List.of(10, 2, 1, 10, 12), program.getList(
                "tiers.find { it.id == 'SOLUTIONS_PARTNER' }.criteria[0].paths[1].components.target", Integer.class));
        assertTrue(program.getList("tiers.id").contains("MEMBER"));
    }
}
