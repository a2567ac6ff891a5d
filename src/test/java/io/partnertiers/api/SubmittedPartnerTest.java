package io.partnertiers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** The partner's JSON is kept byte for byte as the request carried it, wherever it stands in the body. */
class SubmittedPartnerTest {

    private static final ObjectMapper JSON = StrictJsonCustomizer.strict(new ObjectMapper().findAndRegisterModules());
    private static final ObjectReader REQUESTS = JSON.readerFor(EvaluationRequest.class);
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static EvaluationRequests.Read read(String body) throws IOException {
        return new EvaluationRequests(JSON, VALIDATOR).read(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldKeepThePartnerExactlyAsSentWithItsSpacingOrderAndCharactersBeyondAscii() throws IOException {
        String partner = """
                {  "name" : "Société Générale 日本 🚀",
                   "partnerId":"acme",
                   "people": [ {"id": "p1", "certifications": [ {"name":"CSA","earnedOn":"2026-01-05"} ] } ]
                }""";
        String body = "{ \"asOf\": \"2026-11-24\", \"record\":true,\n \"partner\" :" + partner + " , \"whatIf\": null }";

        EvaluationRequests.Read read = read(body);

        assertEquals(partner, new String(read.recordedPartnerJson(), StandardCharsets.UTF_8));
        assertEquals("acme", read.request().partner().partnerId(), "and bound as ever");
        assertEquals(JSON.readTree(partner), JSON.readTree(read.recordedPartnerJson()));
    }

    @Test
    void shouldKeepThePartnerWhenItComesFirst() throws IOException {
        EvaluationRequests.Read read = read("{\"partner\":{\"partnerId\":\"a\"}}");

        assertEquals("{\"partnerId\":\"a\"}", new String(read.recordedPartnerJson(), StandardCharsets.UTF_8));
        assertNull(read("{\"partner\":{\"partnerId\":\"a\"},\"record\":false}").recordedPartnerJson(), "nothing to keep");
    }

    @Test
    void shouldRefuseABodyWithoutAPartnerAsItAlwaysHas() {
        for (String body : List.of("{\"record\":false}", "{\"partner\":null}")) {
            ConstraintViolationException e = assertThrows(ConstraintViolationException.class, () -> read(body));
            assertEquals("partner", ProblemMappers.fieldOf(e.getConstraintViolations().iterator().next()), body);
        }
        for (String body : List.of("", " \r\n", "null")) {
            ConstraintViolationException e = assertThrows(ConstraintViolationException.class, () -> read(body));
            assertEquals("body", ProblemMappers.fieldOf(e.getConstraintViolations().iterator().next()), "'" + body + "'");
        }
    }

    @Test
    void shouldFailAsAnyReadDoesForAPartnerThatIsNotAnObject() {
        MismatchedInputException e = assertThrows(MismatchedInputException.class, () -> read("{\"partner\":4}"));
        assertEquals("partner", e.getPath().get(0).getFieldName());
    }

    @Test
    void shouldBindAsBeforeWhenReadWithoutAskingForTheJson() throws IOException {
        EvaluationRequest request = REQUESTS.readValue("{\"partner\":{\"partnerId\":\"a\"}}");

        assertEquals("a", request.partner().partnerId());
    }
}
