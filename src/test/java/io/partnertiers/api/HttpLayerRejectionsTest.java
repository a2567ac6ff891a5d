package io.partnertiers.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnertiers.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Requests refused by the HTTP layer below the resources, written byte by byte since HTTP
 * clients refuse to send them.
 */
@QuarkusTest
class HttpLayerRejectionsTest extends ApiTest {

    private static final String HEAD_TAIL = "Connection: close\r\n\r\n";

    /** Sends {@code request} as is, then {@code bodyChunks} chunks of 64 KB, and returns all the service answered. */
    static String exchange(String request, int bodyChunks) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // written on another thread: the service answers, and may close, before the body is all sent
            Thread writer = new Thread(() -> {
                try {
                    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                    // valid JSON padded with white space, so that only its size is wrong
                    String start = "{\"record\":false,\"partner\":{\"partnerId\":\"a\"}";
                    out.write((Integer.toHexString(start.length()) + "\r\n" + start + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < bodyChunks; i++) {
                        out.write(chunk);
                    }
                    if (bodyChunks > 0) {
                        out.write("1\r\n}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException refusedMidway) {
                    // the answer is already on its way
                }
            });
            writer.start();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read; (read = in.read(buffer)) > 0;) {
                    answer.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException | SocketException e) {
                // whatever arrived is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String chunkedEvaluation(String extra) {
        return "POST /programs/servicenow-partner/evaluations HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n" + extra + HEAD_TAIL;
    }

    /** Refused before any resource, and answered with a problem all the same. */
    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("chunked body past 4 MB", 413, chunkedEvaluation(""), 80),
                Arguments.of("%ZZ in the path", 400, "GET /programs/%ZZ HTTP/1.1\r\nHost: localhost\r\n" + HEAD_TAIL, 0),
                Arguments.of("%ZZ in the query", 400, "GET /partners/acme/evaluations?page=%ZZ HTTP/1.1\r\nHost: localhost\r\n"
                        + HEAD_TAIL, 0),
                Arguments.of("no Host header", 400, "GET /programs HTTP/1.1\r\n" + HEAD_TAIL, 0),
                Arguments.of("Host with a space", 400, "GET /programs HTTP/1.1\r\nHost: a b\r\n" + HEAD_TAIL, 0));
    }

    /**
     * Refused by the HTTP codec before any handler runs: Quarkus offers no hook there (Vert.x'
     * invalid-request handler is not reachable), so the status is right and the body empty.
     */
    static Stream<Arguments> codecRejections() {
        return Stream.of(
                Arguments.of("Content-Length abc", 400, "POST /programs/servicenow-partner/evaluations HTTP/1.1\r\n"
                        + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: abc\r\n" + HEAD_TAIL + "{}", 0),
                Arguments.of("NUL in a header", 400, "GET /programs HTTP/1.1\r\nHost: localhost\r\nX-A: a\u0000b\r\n" + HEAD_TAIL, 0),
                Arguments.of("HTTP/0.9", 400, "GET /programs\r\n\r\n", 0),
                Arguments.of("a space in the path", 400, "GET /programs/a b HTTP/1.1\r\nHost: localhost\r\n" + HEAD_TAIL, 0),
                Arguments.of("request line past 8 KB", 414, "GET /programs/" + "a".repeat(9000) + " HTTP/1.1\r\nHost: localhost\r\n"
                        + HEAD_TAIL, 0),
                Arguments.of("headers past 16 KB", 431, "GET /programs HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(17_000)
                        + "\r\n" + HEAD_TAIL, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void shouldAnswerAProblem(String name, int status, String request, int chunks) throws IOException {
        String answer = exchange(request, chunks);

        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("\"status\":" + status + ",") && answer.contains("\"title\":")
                && answer.contains("\"detail\":"), answer);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecRejections")
    void shouldAnswerTheRightStatusWhereTheCodecRefuses(String name, int status, String request, int chunks) throws IOException {
        String answer = exchange(request, chunks);

        assertTrue(answer.matches("(?s)HTTP/1\\.[01] " + status + " .*"), answer);
    }

    @Test
    void shouldStillReadAChunkedBodyWithinTheLimit() throws IOException {
        String answer = exchange(chunkedEvaluation(""), 2);

        assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
    }

    @Test
    void shouldStillServeAnEncodedPathAndQuery() {
        RestAssured.given().urlEncodingEnabled(false).when().get("/partners/a%20b/evaluations?page=0&size=%31")
                .then().statusCode(200);
    }
}
