package io.partnertiers.metrics;

import static io.partnertiers.PartnerJson.partner;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.partnertiers.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What an operator's dashboard reads on /q/metrics after a few evaluations. */
@QuarkusTest
class EvaluationMetricsTest extends ApiTest {

    private static void post(String program, Object body, int status) {
        given().contentType(ContentType.JSON).body(body).when().post("/programs/{p}/evaluations", program)
                .then().statusCode(status);
    }

    private static double value(String metrics, String series) {
        Matcher found = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$").matcher(metrics);
        assertTrue(found.find(), "no " + series + " in\n" + metrics);
        return Double.parseDouble(found.group(1));
    }

    @Test
    void shouldCountEvaluationsByProgramSegmentAndOutcomeAndTimeThem() {
        Map<String, Object> registered = partner().agreementSigned(true).body();
        registered.put("record", false);
        post("microsoft-mpn", registered, 200);
        post("microsoft-mpn", registered, 200);
        post("servicenow-partner", partner().body(), 200);
        post("microsoft-mpn", "{\"asOf\": \"2026-02-30\", \"partner\": {\"partnerId\": \"x\"}}", 400);
        post("made-up-program", registered, 404);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

        assertTrue(value(metrics, "partner_tiers_evaluations_total{outcome=\"ok\",program=\"microsoft-mpn\","
                + "segment=\"REGISTERED\"}") >= 2);
        assertTrue(value(metrics, "partner_tiers_evaluations_total{outcome=\"ok\",program=\"servicenow-partner\","
                + "segment=\"none\"}") >= 1);
        assertTrue(value(metrics, "partner_tiers_evaluations_total{outcome=\"bad-input\",program=\"microsoft-mpn\","
                + "segment=\"none\"}") >= 1);
        assertTrue(value(metrics, "partner_tiers_evaluations_total{outcome=\"bad-input\",program=\"unknown\","
                + "segment=\"none\"}") >= 1, "a made-up program id never becomes a tag");
        assertTrue(value(metrics, "partner_tiers_evaluation_request_seconds_count{program=\"microsoft-mpn\"}") >= 3);
        assertTrue(metrics.contains("partner_tiers_evaluation_request_seconds_bucket{program=\"microsoft-mpn\",le="),
                "a latency histogram");
        assertTrue(value(metrics, "partner_tiers_evaluation_engine_seconds_count{program=\"microsoft-mpn\"}") >= 2);
        assertTrue(metrics.contains("partner_tiers_ruleset_info{program=\"microsoft-mpn\",version=\""));
    }

    @Test
    void shouldCountDecisionLogWritesAndTheirBatches() {
        post("cisco-cx", partner().body(), 200);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

        assertTrue(value(metrics, "partner_tiers_decision_log_writes_total{outcome=\"stored\"}") >= 1);
        assertTrue(value(metrics, "partner_tiers_decision_log_batch_size_count") >= 1);
        assertTrue(value(metrics, "partner_tiers_decision_log_write_seconds_count") >= 1);
    }
}
