package io.partnertiers.audit;

import static io.partnertiers.PartnerJson.partner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

import io.partnertiers.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A database that goes away and comes back: recording answers 503 while it is away and records
 * again once it is back, without a restart. H2 over TCP, so the suite's H2 build runs it.
 */
@QuarkusTest
@TestProfile(DatabaseRecoveryTest.H2OverTcp.class)
@DisabledIfEnvironmentVariable(named = "PARTNER_TIERS_DB_KIND", matches = "postgresql")
class DatabaseRecoveryTest extends ApiTest {

    /** How long the service may take to notice the database is back (retry-every is 1 s). */
    private static final int RECOVERY_ATTEMPTS = 40;
    private static final long BETWEEN_ATTEMPTS_MS = 250;

    /** The decision log on an H2 server the test can stop and start. */
    public static class H2OverTcp implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(H2TcpServer.class));
        }
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void shouldAnswer503WhileTheDatabaseIsAwayAndRecordAgainOnceItIsBack() throws InterruptedException {
        int port = H2TcpServer.portOf(jdbcUrl);
        String before = record().then().statusCode(200).extract().path("evaluationId");

        H2TcpServer.stop(port);
        assertTrue(outageSeen(), "recording still succeeded " + RECOVERY_ATTEMPTS * BETWEEN_ATTEMPTS_MS
                + " ms after the database went away");
        for (int i = 0; i < 3; i++) {
            record().then().statusCode(503).contentType("application/problem+json")
                    .body("detail", containsString("not recorded"))
                    .body("$", not(hasKey("evaluationId")));
        }
        evaluateWithoutRecording().then().statusCode(200).body("segment", equalTo("REGISTERED"));

        H2TcpServer.start(port);
        String after = recordOnceBack();
        assertNotNull(after, "no recording succeeded within " + RECOVERY_ATTEMPTS * BETWEEN_ATTEMPTS_MS + " ms of the database's return");
        given().when().get("/evaluations/{id}", after).then().statusCode(200).body("evaluationId", equalTo(after));
        given().when().get("/evaluations/{id}", before).then().statusCode(200).body("evaluationId", equalTo(before));
    }

    /** H2 may let sessions that were open finish after its shutdown returns; the outage shows within moments. */
    private static boolean outageSeen() throws InterruptedException {
        for (int attempt = 0; attempt < RECOVERY_ATTEMPTS; attempt++) {
            if (record().statusCode() == 503) {
                return true;
            }
            Thread.sleep(BETWEEN_ATTEMPTS_MS);
        }
        return false;
    }

    private static String recordOnceBack() throws InterruptedException {
        for (int attempt = 0; attempt < RECOVERY_ATTEMPTS; attempt++) {
            Response answer = record();
            if (answer.statusCode() == 200) {
                return answer.path("evaluationId");
            }
            Thread.sleep(BETWEEN_ATTEMPTS_MS);
        }
        return null;
    }

    private static Response record() {
        return given().contentType(ContentType.JSON).body(partner().agreementSigned(true).body())
                .when().post("/programs/microsoft-mpn/evaluations");
    }

    private static Response evaluateWithoutRecording() {
        Map<String, Object> body = partner().agreementSigned(true).body();
        body.put("record", false);
        return given().contentType(ContentType.JSON).body(body).when().post("/programs/microsoft-mpn/evaluations");
    }
}
