package io.partnertiers.audit;

import static io.partnertiers.PartnerJson.partner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnertiers.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** GET /decisions/export: recorded requests as NDJSON lines, in the shape impact --partners reads. */
@QuarkusTest
class DecisionExportTest extends ApiTest {

    private static void record(String partnerId, String asOf) {
        Map<String, Object> body = partner().with("partnerId", partnerId).agreementSigned(true).toolkits("CRM").body();
        body.put("asOf", asOf);
        given().contentType(ContentType.JSON).body(body).when().post("/programs/microsoft-mpn/evaluations")
                .then().statusCode(200);
    }

    @Test
    void shouldStreamTheRecordedRequestsOfAProgramAndPeriodOldestFirst() throws Exception {
        record("export-b", "2026-03-02");
        record("export-a", "2026-03-01");
        record("export-c", "2026-04-01");

        String ndjson = given().queryParam("program", "microsoft-mpn").queryParam("from", "2026-03-01")
                .queryParam("to", "2026-03-31").when().get("/decisions/export")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();

        List<String> lines = ndjson.lines().toList();
        ObjectMapper json = new ObjectMapper();
        List<String> partners = lines.stream().map(line -> {
            try {
                return json.readTree(line);
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).filter(line -> line.at("/partner/partnerId").asText().startsWith("export-"))
                .map(line -> line.at("/partner/partnerId").asText()).toList();
        assertEquals(List.of("export-a", "export-b"), partners, ndjson);
        JsonNode first = json.readTree(lines.stream().filter(l -> l.contains("export-a")).findFirst().orElseThrow());
        assertEquals("microsoft-mpn", first.get("program").asText());
        assertEquals("2026-03-01", first.get("asOf").asText());
        assertEquals(List.of("program", "asOf", "partner"), List.copyOf(iterable(first.fieldNames())));
        assertTrue(new io.partnertiers.impact.ImpactCommandLines().accepts(lines), "impact reads every exported line");
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> items = new java.util.ArrayList<>();
        iterator.forEachRemaining(items::add);
        return items;
    }

    @Test
    void shouldRefuseABadProgramIdOrDate() {
        given().queryParam("from", "2026-02-30").when().get("/decisions/export")
                .then().statusCode(400).contentType("application/problem+json").body(containsString("from"));
        given().queryParam("program", "../etc").when().get("/decisions/export")
                .then().statusCode(400).contentType("application/problem+json").body(containsString("program"));
    }
}
