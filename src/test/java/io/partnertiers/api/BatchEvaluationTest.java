package io.partnertiers.api;

import static io.partnertiers.PartnerJson.RECENT;
import static io.partnertiers.PartnerJson.cert;
import static io.partnertiers.PartnerJson.partner;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnertiers.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * POST /programs/{programId}/evaluations:batch: NDJSON request bodies in, one answer line per
 * request line out, in order, each what the single call answers for that body.
 */
@QuarkusTest
class BatchEvaluationTest extends ApiTest {

    private static final String NDJSON = "application/x-ndjson";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A few partners of microsoft-mpn, from nothing to a gold partner, none recorded. */
    private static List<String> mpnBodies() throws IOException {
        List<String> bodies = new ArrayList<>();
        bodies.add(body(partner().with("partnerId", "empty").body(), false));
        bodies.add(body(partner().with("partnerId", "registered").agreementSigned(true).body(), false));
        bodies.add(body(partner().with("partnerId", "readme").agreementSigned(true).toolkits("CRM")
                .people(2, cert("CRM")).reference("CRM", true, RECENT).csat("4.6", RECENT).body(), false));
        bodies.add(body(partner().with("partnerId", "gold").agreementSigned(true).toolkits("CRM", "ERP")
                .people(12, cert("CRM"), cert("ERP")).reference("CRM", true, RECENT).reference("ERP", true, RECENT)
                .reference("CRM", true, RECENT).reference("ERP", true, RECENT).reference("CRM", true, RECENT)
                .csat(10, "4.8").body(), false));
        return bodies;
    }

    /** One request line: a body of {@link io.partnertiers.PartnerJson}, with "record" when given. */
    private static String body(Map<String, Object> request, Boolean record) throws IOException {
        ObjectNode body = JSON.valueToTree(request);
        if (record != null) {
            body.put("record", record);
        }
        return JSON.writeValueAsString(body);
    }

    /**
     * A batch request as a streaming client sends it: the path's ':' as it is (REST Assured would
     * encode it, which names no resource), no charset added to the NDJSON type (REST Assured would
     * add ISO-8859-1, which is refused).
     */
    private static RequestSpecification given() {
        return RestAssured.given().urlEncodingEnabled(false).config(RestAssured.config()
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    private static RequestSpecification post() {
        return given().contentType(NDJSON);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> batch(String program, String ndjson) {
        String answer = post().body(utf8(ndjson))
                .when().post("/programs/{program}/evaluations:batch", program)
                .then().statusCode(200).contentType(NDJSON).extract().asString();
        return answer.lines().map(BatchEvaluationTest::tree).toList();
    }

    private static JsonNode single(String program, String body) {
        return tree(given().contentType(ContentType.JSON).body(body)
                .when().post("/programs/{program}/evaluations", program).then().extract().asString());
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** A problem as the single call gives it: the batch's names its line, and its own path. */
    private static JsonNode withoutLineAndInstance(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("line");
        copy.remove("instance");
        return copy;
    }

    @Test
    void shouldAnswerEveryLineInOrderWithExactlyWhatTheSingleCallAnswers() throws IOException {
        List<String> bodies = new ArrayList<>(mpnBodies());
        bodies.add(2, "{\"asOf\":\"2026-11-24\",\"record\":false,\"partner\":{\"partnerId\":\"bad\",\"people\":"
                + "[{\"id\":\"p1\",\"certifications\":[{\"specialization\":\"CRM\",\"earnedOn\":\"2026-02-30\"}]}]}}");
        bodies.add("{\"record\":false,\"partner\":{\"partnerId\":\"x\",\"toolkits\":[\"\"]}}");

        List<JsonNode> answers = batch("microsoft-mpn", String.join("\n", bodies) + "\n");

        assertEquals(bodies.size(), answers.size());
        for (int i = 0; i < bodies.size(); i++) {
            JsonNode single = single("microsoft-mpn", bodies.get(i));
            JsonNode line = answers.get(i);
            if (single.has("status")) {
                assertEquals(i + 1, line.get("line").asInt(), line.toString());
                assertEquals(withoutLineAndInstance(single), withoutLineAndInstance(line), "line " + (i + 1));
                assertEquals("/programs/microsoft-mpn/evaluations:batch", line.get("instance").asText());
            } else {
                assertEquals(single, line, "line " + (i + 1));
            }
        }
        assertEquals(List.of("empty", "registered", "bad", "readme", "gold", "x"), answers.stream()
                .map(a -> a.has("partnerId") ? a.get("partnerId").asText() : a.get("line").asInt() == 3 ? "bad" : "x").toList());
    }

    @Test
    void shouldAnswerTheHeavyProfileAsTheSingleCallDoes() throws IOException {
        String heavy = JSON.writeValueAsString(JSON.readTree(Files.readString(Path.of("bench", "servicenow-profile.json"))));

        List<JsonNode> answers = batch("servicenow-partner", heavy + "\n" + heavy);

        assertEquals(2, answers.size());
        assertEquals(single("servicenow-partner", heavy), answers.get(0));
        assertEquals(answers.get(0), answers.get(1));
        assertEquals("PREMIER", answers.get(0).get("segment").asText());
    }

    @Test
    void shouldAnswerABadLineInPlaceWithItsNumberAndTheFieldAndGoOn() throws IOException {
        List<String> bodies = mpnBodies();
        String ndjson = bodies.get(0) + "\nnot json\n" + "{\"record\":false,\"partner\":{\"partnerId\":\"\\u0000\"}}\n"
                + "{\"record\":false,\"partner\":{\"partnerId\":\"q\",\"people\":4}}\n" + "null\n"
                + "{\"record\":false}\n" + bodies.get(1) + "\n";

        List<JsonNode> answers = batch("microsoft-mpn", ndjson);

        assertEquals(7, answers.size());
        assertEquals("empty", answers.get(0).get("partnerId").asText());
        for (int line = 2; line <= 6; line++) {
            JsonNode problem = answers.get(line - 1);
            assertEquals(400, problem.get("status").asInt(), problem.toString());
            assertEquals(line, problem.get("line").asInt());
            assertEquals("Bad Request", problem.get("title").asText());
        }
        assertTrue(answers.get(1).get("detail").asText().startsWith("The body is not valid JSON"), answers.get(1).toString());
        assertEquals("partner.partnerId", answers.get(2).at("/errors/0/field").asText());
        assertEquals("partner.people", answers.get(3).at("/errors/0/field").asText());
        assertEquals("must be an array", answers.get(3).at("/errors/0/message").asText());
        assertEquals("body", answers.get(4).at("/errors/0/field").asText());
        assertEquals("partner", answers.get(5).at("/errors/0/field").asText());
        assertEquals("registered", answers.get(6).get("partnerId").asText());
    }

    @Test
    void shouldAnswerAnEmptyLineAsAProblemAndNothingAfterTheLastNewlineOrForAnEmptyBody() throws IOException {
        String one = mpnBodies().get(1);

        List<JsonNode> answers = batch("microsoft-mpn", one + "\r\n\n   \n" + one + "\n");

        assertEquals(4, answers.size());
        assertEquals(List.of(400, 400), List.of(answers.get(1).get("status").asInt(), answers.get(2).get("status").asInt()));
        assertEquals(2, answers.get(1).get("line").asInt());
        assertEquals("body", answers.get(1).at("/errors/0/field").asText());
        assertEquals("registered", answers.get(3).get("partnerId").asText());
        // OpenAPI 3.0 cannot say that a 200 body may be empty (its description does), so this exchange
        // bypasses the contract check
        post().noFilters().body(new byte[0]).when().post("/programs/microsoft-mpn/evaluations:batch")
                .then().statusCode(200).contentType(NDJSON).body(equalTo(""));
    }

    @Test
    void shouldAnswerALineOverTheLimitWith413InPlaceWithoutReadingItIntoMemory() throws IOException {
        String one = mpnBodies().get(1);
        byte[] longLine = ("{\"partner\":{\"partnerId\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}}").getBytes(StandardCharsets.UTF_8);
        byte[] body = (one + "\n" + new String(longLine, StandardCharsets.UTF_8) + "\n" + one + "\n").getBytes(StandardCharsets.UTF_8);

        // sent in chunks, with no length declared, as a streaming client does
        String answer = post().body(new ByteArrayInputStream(body))
                .when().post("/programs/microsoft-mpn/evaluations:batch")
                .then().statusCode(200).contentType(NDJSON).extract().asString();

        List<JsonNode> answers = answer.lines().map(BatchEvaluationTest::tree).toList();
        assertEquals(3, answers.size());
        assertEquals(413, answers.get(1).get("status").asInt());
        assertEquals(2, answers.get(1).get("line").asInt());
        assertTrue(answers.get(1).get("detail").asText().contains(longLine.length + " bytes"), answers.get(1).toString());
        assertEquals("registered", answers.get(2).get("partnerId").asText());
    }

    @Test
    void shouldTakeABodyLargerThanTheSingleCallLimitWhenEachLineIsWithinIt() throws IOException {
        String one = mpnBodies().get(3);
        StringBuilder ndjson = new StringBuilder();
        while (ndjson.length() < 5 * 1024 * 1024) {
            ndjson.append(one).append('\n');
        }

        List<JsonNode> answers = batch("microsoft-mpn", ndjson.toString());

        assertEquals(ndjson.toString().lines().count(), answers.size());
        assertTrue(answers.stream().allMatch(a -> "gold".equals(a.get("partnerId").asText())));
    }

    @Test
    void shouldRecordLinesAsTheSingleCallDoesWithEvaluationIdsThatAreOnDisk() throws IOException {
        String recorded = body(partner().with("partnerId", "batch-recorded").agreementSigned(true).body(), null);
        String notRecorded = body(partner().with("partnerId", "batch-not-recorded").agreementSigned(true).body(), false);

        List<JsonNode> answers = batch("microsoft-mpn", recorded + "\n" + notRecorded + "\n" + recorded + "\n");

        assertFalse(answers.get(1).has("evaluationId"), answers.get(1).toString());
        for (JsonNode answer : List.of(answers.get(0), answers.get(2))) {
            String id = answer.get("evaluationId").asText();
            assertNotNull(id);
            given().when().get("/evaluations/{id}", id).then().statusCode(200)
                    .body("partnerId", equalTo("batch-recorded")).body("answer.evaluationId", equalTo(id))
                    .body("segment", equalTo(answer.get("segment").asText()));
        }
        assertFalse(answers.get(0).get("evaluationId").equals(answers.get(2).get("evaluationId")));
    }

    @Test
    void shouldAnswerTenThousandLinesInOrder() throws IOException {
        List<String> bodies = mpnBodies();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            ndjson.append(bodies.get(i % bodies.size()).replaceFirst("\"partnerId\":\"[a-z]+\"", "\"partnerId\":\"n" + i + "\""))
                    .append('\n');
        }

        List<JsonNode> answers = batch("microsoft-mpn", ndjson.toString());

        assertEquals(10_000, answers.size());
        for (int i = 0; i < answers.size(); i++) {
            assertEquals("n" + i, answers.get(i).get("partnerId").asText(), "line " + (i + 1));
        }
    }

    /**
     * A client that sends its whole body before it reads a byte of the answer, over a raw socket so
     * that nothing reads on its behalf: answers far larger than the connection's buffers must wait
     * on the service's side while it reads the body on, or both sides would stand still.
     */
    @Test
    void shouldReadTheWholeBodyOfAClientThatReadsNothingUntilItHasSentIt() throws Exception {
        String gold = mpnBodies().get(3);
        int lines = 20_000;
        byte[] body = (gold + "\n").repeat(lines).getBytes(StandardCharsets.UTF_8);

        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                out.write(("POST /programs/microsoft-mpn/evaluations:batch HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/x-ndjson\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }, "the service stopped reading the body while its answers waited for this client");

            byte[] answer = Chunked.bodyOf(socket.getInputStream());
            assertTrue(answer.length > 16 * 1024 * 1024, "far more than the connection buffers: " + answer.length);
            List<JsonNode> answers = new String(answer, StandardCharsets.UTF_8).lines().map(BatchEvaluationTest::tree).toList();
            assertEquals(lines, answers.size());
            assertTrue(answers.stream().allMatch(a -> "gold".equals(a.path("partnerId").asText()) && a.has("segment")),
                    "every line the partner's answer");
        }
    }

    /** Just enough HTTP/1.1 to read a chunked 200 answer off a raw socket. */
    private static final class Chunked {
        static byte[] bodyOf(InputStream in) throws IOException {
            BufferedInputStream response = new BufferedInputStream(in);
            String status = line(response);
            assertTrue(status.startsWith("HTTP/1.1 200"), status);
            boolean chunked = false;
            for (String header = line(response); !header.isEmpty(); header = line(response)) {
                chunked |= header.equalsIgnoreCase("transfer-encoding: chunked");
            }
            assertTrue(chunked, "a streamed answer");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(response).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(response).split(";")[0].trim(), 16)) {
                body.write(response.readNBytes(size));
                line(response); // the CRLF after each chunk
            }
            return body.toByteArray();
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("The answer ended early");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }

    @Test
    void shouldRefuseAnUnknownProgramBeforeReadingAnyLine() throws IOException {
        post().body(utf8(mpnBodies().get(0))).when().post("/programs/no-such-program/evaluations:batch")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404))
                .body("detail", containsString("no-such-program"));
    }

    @Test
    void shouldRefuseABodyThatIsNotSentAsNdjson() throws IOException {
        String body = mpnBodies().get(0);
        for (String type : List.of("application/json", "text/plain", "application/x-ndjson; charset=latin1")) {
            given().contentType(type).body(utf8(body)).when().post("/programs/microsoft-mpn/evaluations:batch")
                    .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        }
        given().body(utf8(body)).when().post("/programs/microsoft-mpn/evaluations:batch")
                .then().statusCode(415).contentType("application/problem+json");
        given().contentType("application/x-ndjson; charset=UTF-8").body(utf8(body))
                .when().post("/programs/microsoft-mpn/evaluations:batch").then().statusCode(200);
    }

    @Test
    void shouldRefuseABadExplainParameterBeforeReadingAnyLine() throws IOException {
        post().body(utf8(mpnBodies().get(0))).queryParam("explain", "yes")
                .when().post("/programs/microsoft-mpn/evaluations:batch")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("explain"));
    }

    @Test
    void shouldExplainEveryLineWhenAsked() throws IOException {
        String body = mpnBodies().get(2);

        String answer = post().body(utf8(body + "\n" + body)).queryParam("explain", "true")
                .when().post("/programs/microsoft-mpn/evaluations:batch").then().statusCode(200).extract().asString();

        List<JsonNode> answers = answer.lines().map(BatchEvaluationTest::tree).toList();
        JsonNode single = tree(given().contentType(ContentType.JSON).body(body).queryParam("explain", "true")
                .when().post("/programs/microsoft-mpn/evaluations").then().statusCode(200).extract().asString());
        assertEquals(single, answers.get(0));
        assertTrue(answers.get(1).has("explanation"));
    }
}
