package io.partnertiers.api;

import static io.partnertiers.PartnerJson.AS_OF;
import static io.partnertiers.PartnerJson.LONG_AGO;
import static io.partnertiers.PartnerJson.cert;
import static io.partnertiers.PartnerJson.partner;
import static io.partnertiers.PartnerJson.person;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.partnertiers.ApiTest;
import io.partnertiers.PartnerJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** {@code ?forecast=}: the days within a horizon on which the segment changes if nothing new happens, and why. */
@QuarkusTest
class ForecastTest extends ApiTest {

    private static JsonPath forecast(String program, String horizon, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).queryParam("forecast", horizon).body(body)
                .when().post("/programs/{program}/evaluations", program)
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    /** partner-portal SILVER: revenue and two certified people, one of whose certifications expires in 20 days. */
    private static PartnerJson silverUntilACertificationExpires() {
        return partner().agreementSigned(true).with("revenueTrailing12Months", 300_000)
                .person(person("p-1", List.of(), cert("SALES")))
                .person(person("p-7", List.of(), cert("CSA", "PROCTORED_EXAM", LONG_AGO, AS_OF.plusDays(20))));
    }

    @Test
    void shouldNameTheDayACertificationExpiresTheSegmentAfterItAndTheCertification() {
        JsonPath answer = forecast("partner-portal", "P180D", silverUntilACertificationExpires().body());

        assertEquals("SILVER", answer.getString("segment"));
        assertEquals("P180D", answer.getString("forecast.horizon"));
        assertEquals(AS_OF.plusDays(180).toString(), answer.getString("forecast.until"));
        assertEquals(1, answer.getList("forecast.changes").size());
        Map<String, Object> change = answer.getMap("forecast.changes[0]");
        assertEquals(AS_OF.plusDays(21).toString(), change.get("date"), "valid through its expiry day, gone the day after");
        assertEquals("SILVER", change.get("segmentBefore"));
        assertEquals("BRONZE", change.get("segmentAfter"));
        assertEquals("DEMOTION", change.get("direction"));
        assertEquals("SILVER", answer.getString("forecast.changes[0].criteria[0].tier"));
        assertEquals("certified-staff", answer.getString("forecast.changes[0].criteria[0].criterion"));
        assertEquals(2, answer.getInt("forecast.changes[0].criteria[0].required"));
        assertEquals(2, answer.getInt("forecast.changes[0].criteria[0].actualBefore"));
        assertEquals(1, answer.getInt("forecast.changes[0].criteria[0].actualAfter"));
        assertEquals(false, answer.getBoolean("forecast.changes[0].criteria[0].met"));
        Map<String, Object> cause = answer.getMap("forecast.changes[0].criteria[0].causes[0]");
        assertEquals("certification-expires", cause.get("kind"));
        assertEquals(AS_OF.plusDays(20).toString(), cause.get("date"));
        assertEquals("p-7", cause.get("person"));
        assertEquals("CSA certificate", cause.get("certification"));
        assertEquals("p-7's CSA certificate (CSA) expires on " + AS_OF.plusDays(20), cause.get("summary"));
        assertEquals(1, answer.getList("forecast.changes[0].criteria[0].causes").size());
    }

    @Test
    void shouldLeaveTheForecastOutWhenNoneIsAskedFor() {
        JsonPath answer = evaluate("partner-portal", silverUntilACertificationExpires().body());

        assertFalse(answer.getMap("$").containsKey("forecast"));
        assertFalse(answer.getMap("$").containsKey("whatIf"));
    }

    @Test
    void shouldForecastNoChangeBeforeTheHorizonEnds() {
        JsonPath answer = forecast("partner-portal", "P20D", silverUntilACertificationExpires().body());

        assertEquals(List.of(), answer.getList("forecast.changes"), "the certification still counts on the last day");
        assertEquals(0, answer.getInt("forecast.evaluations"), "nothing enters or leaves a measure within 20 days");
    }

    @Test
    void shouldForecastAPromotionWhenAFutureDatedReferenceStartsCounting() {
        LocalDate signed = AS_OF.plusDays(45);
        PartnerJson partner = partner().agreementSigned(true).toolkits("CRM")
                .person(person("p1", List.of(), cert("CRM")))
                .person(person("p2", List.of(), cert("ERP")))
                .csat("4.6", AS_OF.minusDays(10))
                .reference("CRM", true, AS_OF.minusDays(10))
                .reference("ERP", true, signed);

        JsonPath answer = forecast("microsoft-mpn", "P6M", partner.body());

        assertEquals("SUBSCRIBER", answer.getString("segment"), "a reference dated later does not count yet");
        Map<String, Object> change = answer.getMap("forecast.changes[0]");
        assertEquals(signed.toString(), change.get("date"));
        assertEquals("SILVER", change.get("segmentAfter"));
        assertEquals("PROMOTION", change.get("direction"));
        assertEquals("customer-references", answer.getString("forecast.changes[0].criteria[0].criterion"));
        assertEquals("reference-counts", answer.getString("forecast.changes[0].criteria[0].causes[0].kind"));
        assertEquals("R-1", answer.getString("forecast.changes[0].criteria[0].causes[0].customer"));
    }

    @Test
    void shouldDropTheFiscalYearsAnswersWhenTheNextOneStarts() {
        JsonPath answer = forecast("salesforce-csat-points", "P1Y", partner().csat("4.9", AS_OF.minusDays(30)).body());

        assertEquals("POINTS_50", answer.getString("segment"));
        assertEquals(1, answer.getList("forecast.changes").size());
        assertEquals("2027-02-01", answer.getString("forecast.changes[0].date"));
        assertNull(answer.get("forecast.changes[0].segmentAfter"));
        assertEquals("fiscal-year-starts", answer.getString("forecast.changes[0].criteria[0].causes[0].kind"));
        assertEquals("POINTS_10", answer.getString("forecast.changes[0].criteria[0].tier"),
                "the tiers between the segments: POINTS_10 is the lowest that turns");
    }

    @Test
    void shouldFollowACriterionIntoTheProgramItReuses() {
        PartnerJson partner = partner().with("vendorPartnerLevel", "GOLD")
                .person(person("csm0", List.of("CSM"), cert("CX", "PROCTORED_EXAM", LONG_AGO, null)))
                .person(person("csm1", List.of("CSM"), cert("CX", "PROCTORED_EXAM", LONG_AGO, AS_OF.plusDays(40))))
                .person(person("renewals", List.of("RENEWALS_MANAGER"), cert("CX", "VERIFICATION_EXAM", LONG_AGO, null)))
                .person(person("sponsor", List.of("EXECUTIVE_SPONSOR")));
        for (int i = 2; i >= 0; i--) {
            partner.adoption(YearMonth.from(AS_OF).minusMonths(i), "0.60");
        }

        JsonPath answer = forecast("cisco-adopt-incentive", "P90D", partner.body());

        assertEquals("ELIGIBLE", answer.getString("segment"));
        assertEquals(AS_OF.plusDays(41).toString(), answer.getString("forecast.changes[0].date"));
        assertEquals("cx-specialization", answer.getString("forecast.changes[0].criteria[0].criterion"));
        assertEquals("csm1", answer.getString("forecast.changes[0].criteria[0].causes[0].person"),
                "a cisco-cx certification, seen through the criterion that reuses cisco-cx");
    }

    @Test
    void shouldAcceptHorizonsUpToFiveYearsAfterAsOf() {
        for (String horizon : List.of("P5Y", "P60M", "P1826D", "P4Y11M30D", "P2W", "P1D")) {
            JsonPath answer = forecast("partner-portal", horizon, silverUntilACertificationExpires().body());
            assertTrue(answer.getString("forecast.until").compareTo(AS_OF.plusYears(5).toString()) <= 0, horizon);
        }
    }

    @ParameterizedTest(name = "forecast={0}")
    @ValueSource(strings = {"P0D", "P0Y0M", "-P1D", "P-1D", "PT24H", "P1DT1H", "P6Y", "P5Y1D", "P61M", "P1827D",
            "180", "P", "p180d", "P1.5Y", "P180DX", "1Y", "P99999Y"})
    void shouldRefuseAHorizonThatIsNotAPositivePeriodOfAtMostFiveYears(String horizon) {
        given().contentType(ContentType.JSON).queryParam("forecast", horizon).body(silverUntilACertificationExpires().body())
                .when().post("/programs/{program}/evaluations", "partner-portal")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("forecast"));
    }

    @Test
    void shouldRefuseAForecastThatWouldCostTooManyEvaluationsAndSayWhatFits() {
        PartnerJson large = partner().agreementSigned(true);
        for (int i = 0; i < 2_000; i++) { // 4,000 items: 250 days of evaluations fit the budget
            large.person(person("p-" + i, List.of(), cert("SALES", "PROCTORED_EXAM", LONG_AGO, AS_OF.plusDays(1 + i % 1826))));
        }

        given().contentType(ContentType.JSON).queryParam("forecast", "P5Y").body(large.body())
                .when().post("/programs/{program}/evaluations", "partner-portal")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("forecast"))
                .body("errors[0].message", org.hamcrest.Matchers.equalTo("these facts move a measure on 1825 days within"
                        + " P5Y; with their 4000 items a forecast evaluates at most 250 days: ask for at most P251D"));

        assertEquals(250, forecast("partner-portal", "P251D", large.body()).getInt("forecast.evaluations"));
    }

    @Test
    void shouldNotRecordTheForecastWithTheDecision() {
        JsonPath answer = forecast("partner-portal", "P180D", silverUntilACertificationExpires()
                .with("partnerId", "forecast-recorded").body());

        JsonPath stored = given().when().get("/evaluations/{id}", answer.getString("evaluationId"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals("SILVER", stored.getString("answer.segment"));
        assertFalse(stored.getMap("answer").containsKey("forecast"), "the decision is the answer on asOf; the forecast is not");
    }
}
