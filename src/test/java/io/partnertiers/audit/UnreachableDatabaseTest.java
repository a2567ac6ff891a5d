package io.partnertiers.audit;

import static io.partnertiers.PartnerJson.partner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.partnertiers.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With the database out of reach, recording fails loudly and evaluating without recording goes on. */
@QuarkusTest
@TestProfile(UnreachableDatabaseTest.NoDatabase.class)
class UnreachableDatabaseTest extends ApiTest {

    /** The configured database kind, pointed at a port where nothing listens. */
    public static class NoDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            boolean postgres = "postgresql".equals(System.getenv("PARTNER_TIERS_DB_KIND"));
            return Map.of(
                    "%test.quarkus.datasource.jdbc.url", postgres ? "jdbc:postgresql://127.0.0.1:9/test"
                            : "jdbc:h2:tcp://127.0.0.1:9/unreachable",
                    "quarkus.flyway.migrate-at-start", "false",
                    "%test.quarkus.flyway.clean-at-start", "false");
        }
    }

    @Test
    void shouldAnswer503AndClaimNoEvaluationIdWhenTheDecisionCannotBeStored() {
        given().contentType(ContentType.JSON).body(partner().agreementSigned(true).body())
                .when().post("/programs/microsoft-mpn/evaluations")
                .then().statusCode(503).contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("detail", containsString("not recorded"))
                .body("$", not(hasKey("evaluationId")));
    }

    @Test
    void shouldKeepEvaluatingWithoutRecording() {
        Map<String, Object> body = partner().agreementSigned(true).body();
        body.put("record", false);

        given().contentType(ContentType.JSON).body(body)
                .when().post("/programs/microsoft-mpn/evaluations")
                .then().statusCode(200).body("segment", equalTo("REGISTERED")).body("$", not(hasKey("evaluationId")));
    }

    @Test
    void shouldAnswer503ForReadsOfTheLogAndStayReady() {
        given().when().get("/evaluations/{id}", "00000000-0000-0000-0000-000000000000").then().statusCode(503).contentType("application/problem+json");
        given().when().get("/partners/acme/evaluations").then().statusCode(503);
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
