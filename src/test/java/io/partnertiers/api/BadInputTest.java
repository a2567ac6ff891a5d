package io.partnertiers.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnertiers.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every kind of bad input is a 400 problem naming the field, never a 500; the service keeps answering. */
@QuarkusTest
class BadInputTest extends ApiTest {

    private static final String EVALUATIONS = "/programs/servicenow-partner/evaluations";

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("impossible date", """
                        {"partner":{"partnerId":"a","people":[{"certifications":[{"earnedOn":"2026-02-30"}]}]}}""",
                        "partner.people[0].certifications[0].earnedOn"),
                Arguments.of("date-time for a date", """
                        {"asOf":"2026-11-24T10:00:00","partner":{"partnerId":"a"}}""", "asOf"),
                Arguments.of("month 13", """
                        {"partner":{"partnerId":"a","adoption":[{"month":"2026-13","activeUsageRate":0.5}]}}""",
                        "partner.adoption[0].month"),
                Arguments.of("CSAT above 5", """
                        {"partner":{"partnerId":"a","csatResponses":[{"score":5.01,"date":"2026-01-01"}]}}""",
                        "partner.csatResponses[0].score"),
                Arguments.of("CSAT below 1", """
                        {"partner":{"partnerId":"a","csatResponses":[{"score":0,"date":"2026-01-01"}]}}""",
                        "partner.csatResponses[0].score"),
                Arguments.of("usage rate above 1", """
                        {"partner":{"partnerId":"a","adoption":[{"month":"2026-01","activeUsageRate":1.5}]}}""",
                        "partner.adoption[0].activeUsageRate"),
                Arguments.of("negative revenue", """
                        {"partner":{"partnerId":"a","revenueTrailing12Months":-1}}""", "partner.revenueTrailing12Months"),
                Arguments.of("negative app revenue", """
                        {"partner":{"partnerId":"a","apps":[{"annualRevenue":-5}]}}""", "partner.apps[0].annualRevenue"),
                Arguments.of("revenue beyond any real one", """
                        {"partner":{"partnerId":"a","revenueTrailing12Months":1e400}}""", "partner.revenueTrailing12Months"),
                Arguments.of("readiness above 100", """
                        {"partner":{"partnerId":"a","readinessScores":{"KPIS_TARGETS":101}}}""",
                        "partner.readinessScores[KPIS_TARGETS]"),
                Arguments.of("readiness below 0", """
                        {"partner":{"partnerId":"a","readinessScores":{"KPIS_TARGETS":-1}}}""",
                        "partner.readinessScores[KPIS_TARGETS]"),
                Arguments.of("fractional readiness", """
                        {"partner":{"partnerId":"a","readinessScores":{"KPIS_TARGETS":50.5}}}""",
                        "partner.readinessScores.KPIS_TARGETS"),
                Arguments.of("unknown readiness section", """
                        {"partner":{"partnerId":"a","readinessScores":{"VISION":10}}}""", "partner.readinessScores"),
                Arguments.of("NaN", """
                        {"partner":{"partnerId":"a","csatResponses":[{"score":NaN}]}}""", "partner.csatResponses[0]"),
                Arguments.of("infinity", """
                        {"partner":{"partnerId":"a","revenueTrailing12Months":Infinity}}""", "partner"),
                Arguments.of("number as string", """
                        {"partner":{"partnerId":"a","csatResponses":[{"score":"4.5"}]}}""", "partner.csatResponses[0].score"),
                Arguments.of("boolean as string", """
                        {"partner":{"partnerId":"a","agreementSigned":"yes"}}""", "partner.agreementSigned"),
                Arguments.of("number as partnerId", """
                        {"partner":{"partnerId":42}}""", "partner.partnerId"),
                Arguments.of("boolean as partnerId", """
                        {"partner":{"partnerId":true}}""", "partner.partnerId"),
                Arguments.of("decimal as partnerId", """
                        {"partner":{"partnerId":4.5e3}}""", "partner.partnerId"),
                Arguments.of("number as name", """
                        {"partner":{"partnerId":"a","name":42}}""", "partner.name"),
                Arguments.of("number as vendor level", """
                        {"partner":{"partnerId":"a","vendorPartnerLevel":1}}""", "partner.vendorPartnerLevel"),
                Arguments.of("numbers as toolkits", """
                        {"partner":{"partnerId":"a","toolkits":[1,true]}}""", "partner.toolkits[0]"),
                Arguments.of("number as person id", """
                        {"partner":{"partnerId":"a","people":[{"id":7}]}}""", "partner.people[0].id"),
                Arguments.of("boolean as role", """
                        {"partner":{"partnerId":"a","people":[{"id":"p","roles":[false]}]}}""", "partner.people[0].roles[0]"),
                Arguments.of("number as certification name", """
                        {"partner":{"partnerId":"a","people":[{"certifications":[{"name":1}]}]}}""",
                        "partner.people[0].certifications[0].name"),
                Arguments.of("object for a list", """
                        {"partner":{"partnerId":"a","people":{"id":"p1"}}}""", "partner.people"),
                Arguments.of("unknown enum value", """
                        {"partner":{"partnerId":"a","apps":[{"type":"PLUGIN"}]}}""", "partner.apps[0].type"),
                Arguments.of("misspelt field", """
                        {"partner":{"partnerId":"a","peple":[]}}""", "partner.peple"),
                Arguments.of("null list element", """
                        {"partner":{"partnerId":"a","people":[null]}}""", "partner.people[0]"),
                Arguments.of("blank role", """
                        {"partner":{"partnerId":"a","people":[{"roles":[" "]}]}}""", "partner.people[0].roles[0]"),
                Arguments.of("missing partner", "{\"asOf\":\"2026-11-24\"}", "partner"),
                Arguments.of("missing partnerId", "{\"partner\":{\"name\":\"Acme\"}}", "partner.partnerId"),
                Arguments.of("blank partnerId", "{\"partner\":{\"partnerId\":\"  \"}}", "partner.partnerId"),
                Arguments.of("null body", "null", "body"),
                Arguments.of("array body", "[]", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void shouldAnswer400NamingTheField(String name, String body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post(EVALUATIONS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("detail", notNullValue())
                .body("errors.field", hasItem(field));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "/partners/acme/evaluations?page=1&page=2|page", "/partners/acme/evaluations?size=|size",
            "/partners/acme/evaluations?from=2026-01-01&from=2026-02-01|from", "/partners/acme/evaluations?page|page"})
    void shouldAnswer400NamingARepeatedOrEmptyParameter(String path, String parameter) {
        given().urlEncodingEnabled(false).when().get(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(parameter));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"explain=true&explain=false", "explain=", "explain"})
    void shouldAnswer400NamingARepeatedOrEmptyExplain(String query) {
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"partner\":{\"partnerId\":\"a\"}}")
                .when().post(EVALUATIONS + "?" + query)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("explain"));
    }

    @Test
    void shouldAnswer400ForMalformedJsonWithItsPosition() {
        given().contentType(ContentType.JSON).body("{\"partner\": {\"partnerId\": \"a\",}")
                .when().post(EVALUATIONS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON (line 1, column"));
    }

    @Test
    void shouldAnswer400ForAnEmptyBody() {
        given().contentType(ContentType.JSON)
                .when().post(EVALUATIONS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
    }

    @Test
    void shouldAnswer400ForADuplicateField() {
        given().contentType(ContentType.JSON).body("{\"partner\":{\"partnerId\":\"a\"},\"partner\":{\"partnerId\":\"b\"}}")
                .when().post(EVALUATIONS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Duplicate field 'partner'"));
    }

    @Test
    void shouldListEveryInvalidFieldAtOnce() {
        given().contentType(ContentType.JSON)
                .body("{\"partner\":{\"partnerId\":\"\",\"csatResponses\":[{\"score\":9},{\"score\":0}]}}")
                .when().post(EVALUATIONS)
                .then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains(
                        "partner.csatResponses[0].score", "partner.csatResponses[1].score", "partner.partnerId"));
    }

    @Test
    void shouldAnswer415ForANonJsonBody() {
        given().contentType(ContentType.TEXT).body("partner=acme")
                .when().post(EVALUATIONS)
                .then().statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @ParameterizedTest(name = "Content-Type ''{0}''")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "*/*", "application/json; charset=bogus",
            "application/json; charset=utf-16", "application/jsonx", "text/plain", "application/xml"})
    void shouldAnswer415ForABodyThatIsNotDeclaredJson(String contentType) {
        given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Content-Type", contentType).body("{\"partner\":{\"partnerId\":\"a\"}}".getBytes())
                .when().post(EVALUATIONS)
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void shouldAnswer415ForABodyWithoutContentType() throws java.io.IOException {
        String answer = HttpLayerRejectionsTest.exchange("POST " + EVALUATIONS + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 29\r\nConnection: close\r\n\r\n{\"partner\":{\"partnerId\":\"a\"}}", 0);

        org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 415 ")
                && answer.contains("application/problem+json"), answer);
    }

    @Test
    void shouldAcceptJsonInUtf8WhicheverWayItIsSpelt() {
        for (String contentType : java.util.List.of("application/json", "Application/JSON", "application/json; charset=UTF-8")) {
            given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                    .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                    .header("Content-Type", contentType).body("{\"partner\":{\"partnerId\":\"a\"},\"record\":false}")
                    .when().post(EVALUATIONS).then().statusCode(200);
        }
    }

    @Test
    void shouldAnswer404ForAnUnknownProgram() {
        given().contentType(ContentType.JSON).body("{\"partner\":{\"partnerId\":\"a\"}}")
                .when().post("/programs/oracle-partner/evaluations")
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not Found"))
                .body("detail", containsString("oracle-partner"));
    }

    @Test
    void shouldAnswer404ProblemForAnUnknownPath() {
        given().when().get("/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldKeepTheBenchmarkFloorOffByDefault() {
        given().contentType(ContentType.JSON).body("{\"partner\":{\"partnerId\":\"a\"}}")
                .when().post("/bench/floor/servicenow-partner/evaluations")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @AfterEach
    void serviceStillAnswers() {
        given().contentType(ContentType.JSON).body("{\"asOf\":\"2026-11-24\",\"partner\":{\"partnerId\":\"a\",\"agreementSigned\":true}}")
                .when().post(EVALUATIONS)
                .then().statusCode(200).body("segment", equalTo("REGISTERED"));
    }
}
