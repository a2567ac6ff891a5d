package io.partnertiers.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnertiers.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Requests written to break the service, sent to every endpoint: each must get a 4xx with an
 * RFC 9457 problem (a 431 for oversized headers, which the HTTP layer answers alone), well
 * within the hang guard, never a 5xx; and no rejected evaluation may leave a decision behind.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRequestsTest extends ApiTest {

    private static final String EVALUATE = "/programs/servicenow-partner/evaluations";
    private static final String DECISION = "/evaluations/00000000-0000-0000-0000-000000000000";
    /** A hang guard, not a speed target. */
    private static final long HANG_GUARD_MS = 5_000;

    /** One hostile request: what it tries, where it goes, and its raw body if any. */
    record Hostile(String name, String method, String path, String body) {

        @Override
        public String toString() {
            return method + " " + path.replaceAll("\\?.*", "") + ": " + name;
        }
    }

    private static String partner(String fields) {
        return "{\"asOf\":\"2026-11-24\",\"partner\":{\"partnerId\":\"hostile\"" + (fields.isEmpty() ? "" : "," + fields) + "}}";
    }

    /** Bodies for the evaluation endpoint: numbers, text, dates, sizes and shapes that must be refused. */
    static List<Hostile> bodies() {
        List<String[]> cases = List.of(
                new String[] {"score with a huge negative exponent", partner("\"csatResponses\":[{\"score\":1E-99999999,\"date\":\"2026-01-01\"}]")},
                new String[] {"score with the smallest int exponent", partner("\"csatResponses\":[{\"score\":1E-2147483647}]")},
                new String[] {"revenue of 1e400", partner("\"revenueTrailing12Months\":1e400")},
                new String[] {"revenue of 1E+30", partner("\"revenueTrailing12Months\":1E+30")},
                new String[] {"revenue of negative zero", partner("\"revenueTrailing12Months\":-0")},
                new String[] {"revenue of 10,000 digits", partner("\"revenueTrailing12Months\":" + "9".repeat(10_000))},
                new String[] {"revenue NaN as a string", partner("\"revenueTrailing12Months\":\"NaN\"")},
                new String[] {"revenue NaN bare", partner("\"revenueTrailing12Months\":NaN")},
                new String[] {"revenue Infinity", partner("\"revenueTrailing12Months\":Infinity")},
                new String[] {"usage rate with 400 decimals", partner("\"adoption\":[{\"month\":\"2026-01\",\"activeUsageRate\":0." + "1".repeat(400) + "}]")},
                new String[] {"app revenue with 11 decimals", partner("\"apps\":[{\"annualRevenue\":1.00000000001}]")},
                new String[] {"readiness score over int range", partner("\"readinessScores\":{\"KPIS_TARGETS\":99999999999}")},
                new String[] {"readiness score of negative zero", partner("\"readinessScores\":{\"KPIS_TARGETS\":-0}")},
                new String[] {"readiness score fractional", partner("\"readinessScores\":{\"KPIS_TARGETS\":1.5}")},
                new String[] {"partnerId with NUL", "{\"partner\":{\"partnerId\":\"a\\u0000b\"}}"},
                new String[] {"partnerId with escape", "{\"partner\":{\"partnerId\":\"a\\u001b[31mb\"}}"},
                new String[] {"partnerId with right-to-left override", "{\"partner\":{\"partnerId\":\"a\\u202eb\"}}"},
                new String[] {"partnerId with zero-width space", "{\"partner\":{\"partnerId\":\"a\\u200bb\"}}"},
                new String[] {"partnerId with an unpaired surrogate", "{\"partner\":{\"partnerId\":\"a\\ud800b\"}}"},
                new String[] {"partnerId empty", "{\"partner\":{\"partnerId\":\"\"}}"},
                new String[] {"partnerId of 300 characters", "{\"partner\":{\"partnerId\":\"" + "p".repeat(300) + "\"}}"},
                new String[] {"role with NUL", partner("\"people\":[{\"id\":\"p\",\"roles\":[\"CSM\\u0000\"]}]")},
                new String[] {"metric key with NUL", partner("\"metrics\":{\"a\\u0000\":1}")},
                new String[] {"project of 20,000 characters", partner("\"csatResponses\":[{\"project\":\"" + "x".repeat(20_000) + "\"}]")},
                new String[] {"date in year 999999999", partner("\"references\":[{\"date\":\"999999999-01-01\"}]")},
                new String[] {"date in year 1", partner("\"references\":[{\"date\":\"0001-01-01\"}]")},
                new String[] {"date in 1899", partner("\"implementations\":[{\"completedOn\":\"1899-12-31\"}]")},
                new String[] {"date that does not exist", partner("\"implementations\":[{\"completedOn\":\"2026-02-30\"}]")},
                new String[] {"date with a sign", partner("\"implementations\":[{\"completedOn\":\"+10000-01-01\"}]")},
                new String[] {"date as a number", partner("\"implementations\":[{\"completedOn\":20260101}]")},
                new String[] {"asOf in year 10000", "{\"asOf\":\"10000-01-01\",\"partner\":{\"partnerId\":\"a\"}}"},
                new String[] {"month in year 99999", partner("\"adoption\":[{\"month\":\"99999-01\",\"activeUsageRate\":0.5}]")},
                new String[] {"arrays nested 100 deep", partner("\"toolkits\":" + "[".repeat(100) + "]".repeat(100))},
                new String[] {"10,001 toolkits", partner("\"toolkits\":[" + String.join(",", java.util.Collections.nCopies(10_001, "\"T\"")) + "]")},
                new String[] {"101 certifications for one person", partner("\"people\":[{\"id\":\"p\",\"certifications\":["
                        + String.join(",", java.util.Collections.nCopies(101, "{\"specialization\":\"CRM\"}")) + "]}]")},
                new String[] {"duplicate key", "{\"partner\":{\"partnerId\":\"a\",\"partnerId\":\"b\"}}"},
                new String[] {"trailing garbage", partner("") + "{}"},
                new String[] {"unknown field", partner("\"isAdmin\":true")},
                new String[] {"record as a string", "{\"record\":\"yes\",\"partner\":{\"partnerId\":\"a\"}}"},
                new String[] {"an array instead of an object", "[]"},
                new String[] {"null", "null"},
                new String[] {"no body", ""},
                new String[] {"truncated JSON", "{\"partner\":{\"partnerId\":"},
                new String[] {"a single quote string", "{'partner':{}}"});
        return cases.stream().map(c -> new Hostile(c[0], "POST", EVALUATE, c[1])).toList();
    }

    /** Query and path parameters for every other endpoint. */
    static List<Hostile> parameters() {
        List<Hostile> hostile = new ArrayList<>();
        String history = "/partners/acme/evaluations";
        for (String[] c : new String[][] {{"size=abc", "size not a number"}, {"size=0", "size 0"}, {"size=101", "size over 100"},
                {"size=2147483648", "size past int"}, {"page=-1", "negative page"}, {"page=2147483647", "page at int max"},
                {"page=1e3", "page in exponent form"}, {"page=%00", "page NUL"}, {"from=999999999-01-01", "from in year 999999999"},
                {"from=2026-02-30", "from a day that does not exist"}, {"to=abc", "to not a date"}, {"to=1899-12-31", "to before 1900"},
                {"program=%00", "program NUL"}, {"program=..%2Fetc", "program path"}, {"program=A%20B", "program not an id"}}) {
            hostile.add(new Hostile(c[1], "GET", history + "?" + c[0], null));
        }
        for (String id : new String[] {"%00", "a%1Bb", "a%E2%80%AEb", "%20", "p".repeat(201)}) {
            hostile.add(new Hostile("partnerId " + id.substring(0, Math.min(id.length(), 12)), "GET", "/partners/" + id + "/evaluations", null));
            hostile.add(new Hostile("partnerId " + id.substring(0, Math.min(id.length(), 12)), "GET",
                    "/partners/" + id + "/tier-history?program=servicenow-partner", null));
        }
        hostile.add(new Hostile("no program", "GET", "/partners/acme/tier-history", null));
        hostile.add(new Hostile("program NUL", "GET", "/partners/acme/tier-history?program=%00", null));
        for (String id : new String[] {"%00", "..%2F..%2Fetc", "x'%20OR%20'1'='1", "ABCDEFAB-0000-0000-0000-000000000000"}) {
            hostile.add(new Hostile("evaluationId " + id, "GET", "/evaluations/" + id, null));
            hostile.add(new Hostile("evaluationId " + id, "POST", "/evaluations/" + id + "/replay", null));
        }
        for (String query : new String[] {"page=1&page=2", "size=1&size=2", "from=2026-01-01&from=2026-02-01", "page=",
                "size=", "page", "program="}) {
            hostile.add(new Hostile("repeated or empty " + query, "GET", history + "?" + query, null));
        }
        for (String query : new String[] {"explain=true&explain=false", "explain=true&explain=true", "explain=", "explain"}) {
            hostile.add(new Hostile(query, "POST", EVALUATE + "?" + query, partner("")));
        }
        hostile.add(new Hostile("unload=", "POST", "/admin/rules/reload?unload=", null));
        hostile.add(new Hostile("unload twice", "POST", "/admin/rules/reload?unload=a&unload=b", null));
        hostile.add(new Hostile("program twice", "GET", "/partners/acme/tier-history?program=servicenow-partner&program=cisco-cx", null));
        for (String value : new String[] {"yes", "1", "TRUE", "%00"}) {
            hostile.add(new Hostile("explain=" + value, "POST", EVALUATE + "?explain=" + value, partner("")));
        }
        for (String id : new String[] {"%00", "..", "Upper", "no-such-program"}) {
            hostile.add(new Hostile("unload=" + id, "POST", "/admin/rules/reload?unload=" + id, null));
            hostile.add(new Hostile("program " + id, "GET", "/programs/" + id, null));
        }
        return hostile;
    }

    static Stream<Hostile> requests() {
        return Stream.concat(bodies().stream(), parameters().stream());
    }

    static Stream<String[]> everyEndpoint() {
        return Stream.of(new String[] {"GET", "/programs"}, new String[] {"GET", "/programs/servicenow-partner"},
                new String[] {"POST", EVALUATE}, new String[] {"GET", DECISION}, new String[] {"POST", DECISION + "/replay"},
                new String[] {"GET", "/partners/acme/evaluations"},
                new String[] {"GET", "/partners/acme/tier-history?program=servicenow-partner"},
                new String[] {"GET", "/admin/rules/status"}, new String[] {"POST", "/admin/rules/reload"});
    }

    private static RequestSpecification raw() {
        return given().config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false))).urlEncodingEnabled(false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void shouldAnswerA4xxProblemNamingWhatIsWrong(Hostile hostile) {
        RequestSpecification request = raw();
        if (hostile.body() != null) {
            request = request.contentType("application/json").body(hostile.body());
        }
        request.when().request(hostile.method(), hostile.path()).then()
                .statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)))
                .contentType("application/problem+json")
                .body("status", allOf(greaterThanOrEqualTo(400), lessThan(500)))
                .time(lessThan(HANG_GUARD_MS), TimeUnit.MILLISECONDS);
    }

    /** Declares 5 MB and sends none of it: written by hand, since HTTP clients refuse to lie about a length. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyEndpoint")
    void shouldRefuseABodyDeclaredLargerThanTheLimitWithAProblem(String method, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout((int) HANG_GUARD_MS);
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 5000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            StringBuilder answer = new StringBuilder();
            byte[] chunk = new byte[512];
            for (int read; !answer.toString().endsWith("}") && (read = socket.getInputStream().read(chunk)) > 0;) {
                answer.append(new String(chunk, 0, read, StandardCharsets.UTF_8));
            }

            assertTrue(answer.toString().startsWith("HTTP/1.1 413"), answer.toString());
            assertTrue(answer.toString().toLowerCase().contains("content-type: application/problem+json"), answer.toString());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyEndpoint")
    void shouldRefuseHeadersLargerThanTheLimit(String method, String path) {
        raw().header("X-Padding", "x".repeat(20_000)).when().request(method, path).then().statusCode(431);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void shouldHaveRecordedNothingForTheRejectedEvaluations() {
        given().when().get("/partners/hostile/evaluations").then().statusCode(200).body("total", equalTo(0));
    }
}
