package io.partnertiers.api;

import static io.partnertiers.PartnerJson.AS_OF;
import static io.partnertiers.PartnerJson.LONG_AGO;
import static io.partnertiers.PartnerJson.RECENT;
import static io.partnertiers.PartnerJson.cert;
import static io.partnertiers.PartnerJson.partner;
import static io.partnertiers.PartnerJson.person;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.partnertiers.ApiTest;
import io.partnertiers.PartnerJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** {@code ?explain=true}: the rules that fired per tier and the facts each criterion counted. */
@QuarkusTest
class ExplainTest extends ApiTest {

    private static JsonPath explain(String program, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).queryParam("explain", true).body(body)
                .when().post("/programs/{program}/evaluations", program)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldLeaveTheExplanationOutUnlessAskedFor() {
        assertNull(evaluate("cisco-cx", partner().body()).get("explanation"));
    }

    @Test
    void shouldNameTheRulesThatFiredForEachTier() {
        JsonPath answer = explain("microsoft-mpn", partner().agreementSigned(true).body());

        assertEquals(List.of("REGISTERED", "SUBSCRIBER", "SILVER", "GOLD"), answer.getList("explanation.tiers.tier"));
        assertEquals(List.of("Registered: registered in the network"), answer.getList("explanation.tiers[0].rulesFired"));
        assertEquals(List.of("Gold: people certified on as many specializations",
                "Gold: customer references in certified specializations", "Gold: positive customer satisfaction"),
                answer.getList("explanation.tiers[3].rulesFired"));
        assertEquals("microsoft-mpn/gold.drl:7:1", answer.getString("explanation.tiers[3].criteria[0].source"));
    }

    @Test
    void shouldShowWhichPersonCoversWhichSpecialization() {
        PartnerJson partner = partner().agreementSigned(true).toolkits("CRM")
                .person(person("ann", List.of(), cert("CRM"), cert("ERP")))
                .person(person("bob", List.of(), cert("CRM")));

        JsonPath answer = explain("microsoft-mpn", partner.body());

        assertEquals(List.of("CRM: bob", "ERP: ann"),
                answer.getList("explanation.tiers.find { it.tier == 'GOLD' }.criteria.find { it.criterion == 'certified-specializations' }.counted"));
    }

    @Test
    void shouldShowWhichCsatResponsesFellInTheWindow() {
        PartnerJson partner = partner().csat("4.5", RECENT).csat("1.0", AS_OF.minusDays(365));

        JsonPath answer = explain("servicenow-partner", partner.body());

        List<String> counted = answer.getList(
                "explanation.tiers.find { it.tier == 'SPECIALIST' }.criteria.find { it.criterion == 'csat-average' }.counted");
        assertEquals(List.of("P-0: 4.5 on " + RECENT), counted);
    }

    @Test
    void shouldShowTheCertificationsThatMadeSomeoneCount() {
        PartnerJson partner = partner()
                .person(person("csm", List.of("CSM"), cert("CX", "PROCTORED_EXAM", LONG_AGO, AS_OF)))
                .person(person("lapsed", List.of("CSM"), cert("CX", "PROCTORED_EXAM", LONG_AGO, AS_OF.minusDays(1))));

        JsonPath answer = explain("cisco-cx", partner.body());

        List<String> counted = answer.getList("explanation.tiers[0].criteria[0].counted");
        assertEquals(1, counted.size());
        assertTrue(counted.get(0).startsWith("csm: [CX certificate (CX) until " + AS_OF), counted.get(0));
    }
}
