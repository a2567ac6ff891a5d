package io.partnertiers.api;

import static io.partnertiers.PartnerJson.cert;
import static io.partnertiers.PartnerJson.partner;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.partnertiers.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Programs whose policy holds demotions back (a grace period, or the start of a program year), read
 * against the partner's recorded decisions.
 */
@QuarkusTest
@TestProfile(TierPolicyTest.PolicyRules.class)
class TierPolicyTest extends ApiTest {

    /** Serves the two test programs of src/test/resources/policy-rules. */
    public static class PolicyRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partner-tiers.rules.dir", Path.of("src/test/resources/policy-rules").toAbsolutePath().toString(),
                    "partner-tiers.rules.watch", "false");
        }
    }

    private static JsonPath evaluate(String program, String partnerId, String asOf, int certified, boolean record) {
        Map<String, Object> body = partner().with("partnerId", partnerId).agreementSigned(true)
                .people(certified, cert("ITSM")).body();
        body.put("asOf", asOf);
        body.put("record", record);
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/programs/{program}/evaluations", program)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath evaluate(String program, String partnerId, String asOf, int certified) {
        return evaluate(program, partnerId, asOf, certified, true);
    }

    @Test
    void shouldKeepTheTierAtRiskThroughTheGracePeriodThenDemote() {
        assertEquals("EXPERT", evaluate("graced", "grace-1", "2026-11-01", 5).getString("segment"));

        JsonPath firstShort = evaluate("graced", "grace-1", "2026-11-10", 2);
        assertEquals("EXPERT", firstShort.getString("segment"), "kept during the grace period");
        assertNull(firstShort.get("nextSegment"));
        assertEquals("ADVANCED", firstShort.getString("atRisk.rulesSegment"));
        assertEquals("2026-11-10", firstShort.getString("atRisk.since"));
        assertEquals("2026-12-10", firstShort.getString("atRisk.until"));
        assertEquals("grace-period", firstShort.getString("atRisk.policy"));
        assertEquals("EXPERT at risk until 2026-12-10", firstShort.getString("atRisk.summary"));
        assertEquals(List.of("certified-staff"), firstShort.getList("atRisk.gaps.criterion"));
        assertEquals(3, firstShort.getInt("atRisk.gaps[0].shortfall"));
        assertEquals(false, firstShort.getBoolean("tiers.find { it.tier == 'EXPERT' }.reached"),
                "the ladder still says what the facts reach");

        JsonPath stillShort = evaluate("graced", "grace-1", "2026-11-20", 2);
        assertEquals("EXPERT", stillShort.getString("segment"));
        assertEquals("2026-11-10", stillShort.getString("atRisk.since"), "the grace period does not start again");
        assertEquals("2026-12-10", stillShort.getString("atRisk.until"));

        JsonPath demoted = evaluate("graced", "grace-1", "2026-12-10", 2);
        assertEquals("ADVANCED", demoted.getString("segment"));
        assertNull(demoted.get("atRisk"));

        JsonPath history = given().queryParam("program", "graced").when().get("/partners/{id}/tier-history", "grace-1")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("EXPERT", "ADVANCED"), history.getList("to"));
        assertEquals("2026-12-10", history.getString("[1].asOf"), "the demotion is dated when it took effect");
    }

    @Test
    void shouldEndTheRiskWhenTheFactsRecoverAndStartAfreshAfterwards() {
        evaluate("graced", "grace-2", "2026-11-01", 5);
        evaluate("graced", "grace-2", "2026-11-05", 2);

        JsonPath recovered = evaluate("graced", "grace-2", "2026-11-15", 5);
        assertEquals("EXPERT", recovered.getString("segment"));
        assertNull(recovered.get("atRisk"));

        JsonPath shortAgain = evaluate("graced", "grace-2", "2026-11-25", 2);
        assertEquals("2026-11-25", shortAgain.getString("atRisk.since"));
        assertEquals("2026-12-25", shortAgain.getString("atRisk.until"));
    }

    @Test
    void shouldReadButNotWriteTheStandingWhenNotRecording() {
        evaluate("graced", "grace-3", "2026-11-01", 5);

        JsonPath whatIf = evaluate("graced", "grace-3", "2026-11-10", 2, false);
        assertEquals("EXPERT", whatIf.getString("segment"));
        assertEquals("2026-11-10", whatIf.getString("atRisk.since"));

        JsonPath recorded = evaluate("graced", "grace-3", "2026-11-20", 2);
        assertEquals("2026-11-20", recorded.getString("atRisk.since"), "the unrecorded answer left nothing behind");
    }

    @Test
    void shouldForecastTheRulesSegmentsFromTheOneTheFactsReachNotTheOneHeldAtRisk() {
        evaluate("graced", "grace-forecast", "2026-11-01", 5);
        Map<String, Object> body = partner().with("partnerId", "grace-forecast").agreementSigned(true)
                .people(2, cert("ITSM"))
                .people(3, cert("ITSM", "PROCTORED_EXAM", java.time.LocalDate.of(2026, 11, 20), null)).body();
        body.put("asOf", "2026-11-10");
        body.put("record", false);

        JsonPath answer = given().contentType(ContentType.JSON).queryParam("forecast", "P30D").body(body)
                .when().post("/programs/{program}/evaluations", "graced")
                .then().statusCode(200).extract().jsonPath();

        assertEquals("EXPERT", answer.getString("segment"), "held at risk by the grace period");
        assertEquals("ADVANCED", answer.getString("atRisk.rulesSegment"));
        assertEquals(1, answer.getList("forecast.changes").size(), "no demotion on the day the grace period ends");
        assertEquals("2026-11-20", answer.getString("forecast.changes[0].date"));
        assertEquals("ADVANCED", answer.getString("forecast.changes[0].segmentBefore"), "the rules' segment, as documented");
        assertEquals("EXPERT", answer.getString("forecast.changes[0].segmentAfter"));
        assertEquals("certification-earned", answer.getString("forecast.changes[0].criteria[0].causes[0].kind"));
    }

    @Test
    void shouldPromoteAtOnceButDemoteOnlyWhenTheProgramYearStarts() {
        assertEquals("ADVANCED", evaluate("yearly", "yearly-1", "2026-06-01", 2).getString("segment"));
        assertEquals("EXPERT", evaluate("yearly", "yearly-1", "2026-07-01", 5).getString("segment"), "promoted at once");

        JsonPath fallen = evaluate("yearly", "yearly-1", "2026-11-10", 0);
        assertEquals("EXPERT", fallen.getString("segment"));
        assertEquals("BASIC", fallen.getString("atRisk.rulesSegment"));
        assertEquals("2027-02-01", fallen.getString("atRisk.until"));
        assertEquals("program-year", fallen.getString("atRisk.policy"));
        assertEquals(List.of("certified-staff", "certified-staff"), fallen.getList("atRisk.gaps.criterion"));
        assertEquals(List.of("ADVANCED", "EXPERT"), fallen.getList("atRisk.gaps.tier"));

        assertEquals("EXPERT", evaluate("yearly", "yearly-1", "2027-01-31", 0).getString("segment"));
        JsonPath newYear = evaluate("yearly", "yearly-1", "2027-02-01", 0);
        assertEquals("BASIC", newYear.getString("segment"));
        assertEquals(List.of("email-support"), newYear.getList("entitlements"));
    }

    @Test
    void shouldHoldNothingForAPartnerWithoutRecordedDecisions() {
        JsonPath answer = evaluate("graced", "grace-new", "2026-11-10", 2);

        assertEquals("ADVANCED", answer.getString("segment"));
        assertNull(answer.get("atRisk"));
    }
}
