package io.partnertiers.api;

import static io.partnertiers.PartnerJson.AS_OF;
import static io.partnertiers.PartnerJson.RECENT;
import static io.partnertiers.PartnerJson.cert;
import static io.partnertiers.PartnerJson.map;
import static io.partnertiers.PartnerJson.partner;
import static io.partnertiers.PartnerJson.person;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.partnertiers.ApiTest;
import io.partnertiers.PartnerJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A body's {@code whatIf}: facts added on top of the submitted ones, answered beside them and never recorded. */
@QuarkusTest
class WhatIfEvaluationTest extends ApiTest {

    /** The README's partner: SUBSCRIBER in microsoft-mpn, one signed reference short of SILVER. */
    private static PartnerJson readmePartner(String partnerId) {
        return partner().with("partnerId", partnerId).agreementSigned(true).toolkits("CRM")
                .person(person("p1", List.of(), cert("CRM", "PROCTORED_EXAM", LocalDate.of(2026, 1, 10), null)))
                .person(person("p2", List.of(), cert("ERP", "PROCTORED_EXAM", LocalDate.of(2025, 6, 1),
                        LocalDate.of(2027, 6, 1))))
                .reference("CRM", true, LocalDate.of(2026, 5, 1))
                .csat("4.6", LocalDate.of(2026, 4, 1));
    }

    private static Map<String, Object> withWhatIf(Map<String, Object> body, Map<String, Object> whatIf) {
        body.put("whatIf", whatIf);
        return body;
    }

    private static final Map<String, Object> ONE_MORE_REFERENCE = map("references",
            List.of(map("customer", "Initech", "competency", "ERP", "signedByCustomer", true, "date", RECENT.toString())));

    @Test
    void shouldReachTheNextTierWhenTheWhatIfAddsTheMissingFacts() {
        JsonPath answer = evaluate("microsoft-mpn", withWhatIf(readmePartner("what-if-1").body(), ONE_MORE_REFERENCE));

        assertEquals("SUBSCRIBER", answer.getString("segment"), "the answer for the submitted facts is unchanged");
        assertEquals(List.of("customer-references"), gapCriteria(answer));
        assertEquals("SILVER", answer.getString("whatIf.segment"));
        assertEquals("GOLD", answer.getString("whatIf.nextSegment"));
        assertEquals(List.of("SILVER"), answer.getList("whatIf.tiersGained"));
        assertEquals(List.of(), answer.getList("whatIf.tiersLost"));
        assertEquals(2, answer.getInt("whatIf.tiers.find { it.tier == 'SILVER' }.criteria.find { it.criterion == 'customer-references' }.actual"));
        assertEquals(List.of("certified-specializations", "customer-references"), answer.getList("whatIf.gaps.criterion"));
        assertEquals(4, answer.getList("whatIf.tiers").size(), "every tier, as in the answer");
    }

    @Test
    void shouldRecordTheDecisionOnTheSubmittedFactsAndNothingOfTheWhatIf() {
        JsonPath answer = evaluate("microsoft-mpn", withWhatIf(readmePartner("what-if-recorded").body(), ONE_MORE_REFERENCE));

        JsonPath stored = given().when().get("/evaluations/{id}", answer.getString("evaluationId"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals("SUBSCRIBER", stored.getString("segment"));
        assertEquals("SUBSCRIBER", stored.getString("answer.segment"));
        assertFalse(stored.getMap("answer").containsKey("whatIf"), "the stored answer is the decision alone");
        assertEquals(List.of("R-0"), stored.getList("partner.references.customer"), "the submitted facts, without the what-if's");
        assertFalse(stored.getMap("$").toString().contains("Initech"));

        JsonPath decisions = given().queryParam("program", "microsoft-mpn")
                .when().get("/partners/{id}/evaluations", "what-if-recorded").then().statusCode(200).extract().jsonPath();
        assertEquals(1, decisions.getInt("total"));
        assertEquals("SUBSCRIBER", decisions.getString("items[0].segment"));
        JsonPath history = given().queryParam("program", "microsoft-mpn")
                .when().get("/partners/{id}/tier-history", "what-if-recorded").then().statusCode(200).extract().jsonPath();
        assertFalse(history.getList("to").contains("SILVER"), "the tier history never sees the what-if's SILVER");
    }

    @Test
    void shouldRecordNothingAtAllWhenTheRequestSaysSo() {
        Map<String, Object> body = withWhatIf(readmePartner("what-if-unrecorded").body(), ONE_MORE_REFERENCE);
        body.put("record", false);

        JsonPath answer = evaluate("microsoft-mpn", body);

        assertEquals("SILVER", answer.getString("whatIf.segment"));
        assertFalse(answer.getMap("$").containsKey("evaluationId"));
        given().queryParam("program", "microsoft-mpn").when().get("/partners/{id}/evaluations", "what-if-unrecorded")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldGiveASubmittedPersonTheWhatIfsCertificationsRatherThanAddAPerson() {
        PartnerJson partner = partner().agreementSigned(true).with("revenueTrailing12Months", 300_000)
                .person(person("p-1", List.of(), cert("SALES")))
                .person(person("p-2", List.of("SALES")));
        Map<String, Object> certifyP2 = map("people", List.of(person("p-2", List.of(), cert("SALES"))));

        JsonPath answer = evaluate("partner-portal", withWhatIf(partner.body(), certifyP2));

        assertEquals("BRONZE", answer.getString("segment"));
        assertEquals("SILVER", answer.getString("whatIf.segment"));
        assertEquals(2, answer.getInt("whatIf.tiers.find { it.tier == 'GOLD' }.criteria.find { it.criterion == 'certified-staff' }.actual"),
                "p-2 is the same person, now certified: two people, not three");
    }

    @Test
    void shouldAddTheWhatIfsMetricsToTheSubmittedOnes() {
        PartnerJson partner = partner().with("partnerId", "contoso").agreementSigned(true).with("metrics",
                map("enterpriseNetCustomerAdds", 1, "intermediateCertifiedPeople", 3, "advancedCertifiedPeople", 2,
                        "enterpriseUsageGrowthCustomers", 3, "enterpriseDeployments", 6));

        JsonPath answer = evaluate("microsoft-solutions-partner", withWhatIf(partner.body(),
                map("metrics", map("enterpriseUsageGrowthCustomers", 1))));

        assertEquals("MEMBER", answer.getString("segment"));
        assertEquals("SOLUTIONS_PARTNER", answer.getString("whatIf.segment"), "4 usage-growth customers earn the missing point");
        assertEquals(List.of("SOLUTIONS_PARTNER"), answer.getList("whatIf.tiersGained"));
    }

    @Test
    void shouldShowTheTiersLostWhenAddedAnswersLowerTheAverage() {
        PartnerJson gold = PartnerPortalTest.reseller(1_000_000, 5, "4.5", 0);
        Map<String, Object> lowAnswers = map("csatResponses", List.of(
                map("project", "Q-1", "score", new BigDecimal("1.0"), "date", RECENT.toString()),
                map("project", "Q-2", "score", new BigDecimal("1.0"), "date", RECENT.toString())));

        JsonPath answer = evaluate("partner-portal", withWhatIf(gold.body(), lowAnswers));

        assertEquals("GOLD", answer.getString("segment"));
        assertEquals("SILVER", answer.getString("whatIf.segment"));
        assertEquals(List.of(), answer.getList("whatIf.tiersGained"));
        assertEquals(List.of("GOLD"), answer.getList("whatIf.tiersLost"));
    }

    @Test
    void shouldAnswerAForecastAndAWhatIfTogether() {
        JsonPath answer = given().contentType(ContentType.JSON).queryParam("forecast", "P1Y")
                .body(withWhatIf(readmePartner("what-if-forecast").body(), ONE_MORE_REFERENCE))
                .when().post("/programs/{program}/evaluations", "microsoft-mpn")
                .then().statusCode(200).extract().jsonPath();

        assertEquals("SILVER", answer.getString("whatIf.segment"));
        assertEquals(List.of(), answer.getList("forecast.changes"),
                "the forecast is the submitted facts': SUBSCRIBER reads no dated fact");
        assertEquals(2, answer.getInt("forecast.evaluations"), "the CSAT answer leaves the window, p2's ERP expires");
    }

    @Test
    void shouldRefuseAWhatIfOutOfBoundsNamingItsFieldAndRecordNothing() {
        assertRefused(map("people", List.of(person("p9", List.of(), cert("CRM", "PROCTORED_EXAM", AS_OF, null)))),
                null, null);
        assertRefused(map("people", List.of(map("id", "p9", "certifications", List.of(map("earnedOn", "2026-02-30"))))),
                "whatIf.people[0].certifications[0].earnedOn", "must be a date yyyy-MM-dd");
        assertRefused(map("csatResponses", List.of(map("score", 6, "date", RECENT.toString()))),
                "whatIf.csatResponses[0].score", "must be less than or equal to 5");
        assertRefused(map("partnerId", "other"), "whatIf.partnerId", "unknown field");
        assertRefused(map("readinessScores", map("KPIS_TARGETS", 70)), null, null);
        Map<String, Object> body = readmePartner("what-if-refused").with("readinessScores", map("KPIS_TARGETS", 40)).body();
        given().contentType(ContentType.JSON).body(withWhatIf(body, map("readinessScores", map("KPIS_TARGETS", 70))))
                .when().post("/programs/{program}/evaluations", "iped-cs-readiness")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("whatIf.readinessScores.KPIS_TARGETS"))
                .body("errors[0].message", equalTo("with the submitted 40 it would be 110: a section scores at most 100"));
        given().queryParam("program", "iped-cs-readiness").when().get("/partners/{id}/evaluations", "what-if-refused")
                .then().statusCode(200).body("total", equalTo(0));
    }

    /** With a null field, the what-if is a good one: answered 200. */
    private static void assertRefused(Map<String, Object> whatIf, String field, String message) {
        var response = given().contentType(ContentType.JSON).body(withWhatIf(readmePartner("what-if-bounds").body(), whatIf))
                .when().post("/programs/{program}/evaluations", "microsoft-mpn").then();
        if (field == null) {
            response.statusCode(200);
            return;
        }
        String said = response.statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo(field)).extract().path("errors[0].message");
        assertTrue(said.startsWith(message), said);
    }
}
