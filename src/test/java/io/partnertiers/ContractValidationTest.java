package io.partnertiers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import io.restassured.RestAssured;

/** The check every API test's answers go through catches an answer that drifts from the contract. */
class ContractValidationTest {

    private static ValidationReport answer(String path, Request.Method method, int status, String body) {
        return ContractValidation.VALIDATOR.validateResponse(path, method, SimpleResponse.Builder.status(status)
                .withContentType(status < 400 ? "application/json" : "application/problem+json").withBody(body).build());
    }

    private static final String PROGRAM = "{\"id\":\"microsoft-mpn\",\"name\":\"Microsoft\",\"rulesetVersion\":\"548ededa3ada\","
            + "\"tiers\":[\"REGISTERED\"]}";

    @Test
    void shouldBeInstalledForEveryRestAssuredTest() {
        assertTrue(RestAssured.filters().contains(ContractValidation.FILTER));
    }

    @Test
    void shouldAcceptAnAnswerTheContractDescribes() {
        ValidationReport report = answer("/programs", Request.Method.GET, 200, "[" + PROGRAM + "]");
        assertFalse(report.hasErrors(), report.getMessages().toString());
    }

    @Test
    void shouldRefuseAFieldOfTheWrongType() {
        assertTrue(answer("/programs", Request.Method.GET, 200, "[" + PROGRAM.replace("\"microsoft-mpn\"", "5") + "]")
                .hasErrors());
    }

    @Test
    void shouldRefuseANullWhereTheContractAllowsNone() {
        assertTrue(answer("/programs", Request.Method.GET, 200, "[" + PROGRAM.replace("\"Microsoft\"", "null") + "]")
                .hasErrors());
    }

    @Test
    void shouldAcceptANullWhereTheContractAllowsOne() {
        String history = "[{\"asOf\":\"2026-11-24\",\"from\":null,\"to\":\"SUBSCRIBER\",\"direction\":\"PROMOTION\","
                + "\"rulesetVersion\":\"548ededa3ada\",\"evaluationId\":\"76bbd85d-b721-473d-9470-28e47adb32c2\"}]";
        ValidationReport report = answer("/partners/acme/tier-history", Request.Method.GET, 200, history);
        assertFalse(report.hasErrors(), report.getMessages().toString());
    }

    @Test
    void shouldRefuseAStatusTheOperationDoesNotDocument() {
        assertTrue(answer("/programs", Request.Method.GET, 409,
                "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"x\"}").hasErrors());
    }

    @Test
    void shouldRefuseAProblemWithoutItsDetail() {
        assertTrue(answer("/programs/x", Request.Method.GET, 404, "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}")
                .hasErrors());
    }
}
