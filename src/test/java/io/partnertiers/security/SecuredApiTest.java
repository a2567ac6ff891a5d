package io.partnertiers.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnertiers.ApiTest;
import io.partnertiers.PartnerJson;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The service started with a token key: every endpoint asks for its role, answers 401 with a
 * Bearer challenge to a missing or bad token and 403 to a token without the role, as
 * problem+json; health, the OpenAPI document and Swagger UI stay open.
 */
@QuarkusTest
@TestProfile(SecuredApiTest.WithTokenKey.class)
class SecuredApiTest extends ApiTest {

    /** The test public key and issuer, as an operator configures them. */
    public static class WithTokenKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.publickey.location", "security/publicKey.pem",
                    "mp.jwt.verify.issuer", Tokens.ISSUER, "partner-tiers.bench.floor-enabled", "true");
        }
    }

    /** One endpoint, the role it needs, and a request that is otherwise valid. */
    record Endpoint(String method, String path, String role, Object body) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Endpoint> endpoints() {
        Map<String, Object> evaluation = PartnerJson.partner().agreementSigned(true).body();
        return Stream.of(
                new Endpoint("GET", "/programs", Roles.EVALUATOR, null),
                new Endpoint("GET", "/programs/servicenow-partner", Roles.EVALUATOR, null),
                new Endpoint("POST", "/programs/servicenow-partner/evaluations", Roles.EVALUATOR, evaluation),
                new Endpoint("POST", "/programs/servicenow-partner/evaluations:batch", Roles.EVALUATOR,
                        "{\"record\":false,\"partner\":{\"partnerId\":\"acme\"}}\n"),
                new Endpoint("POST", "/bench/floor/servicenow-partner/evaluations", Roles.EVALUATOR, evaluation),
                new Endpoint("GET", "/evaluations/00000000-0000-0000-0000-000000000000", Roles.AUDITOR, null),
                new Endpoint("POST", "/evaluations/00000000-0000-0000-0000-000000000000/replay", Roles.AUDITOR, null),
                new Endpoint("GET", "/partners/acme/evaluations", Roles.AUDITOR, null),
                new Endpoint("GET", "/partners/acme/tier-history?program=servicenow-partner", Roles.AUDITOR, null),
                new Endpoint("GET", "/decisions/export?program=servicenow-partner", Roles.AUDITOR, null),
                new Endpoint("GET", "/admin/rules/status", Roles.RULES_ADMIN, null),
                new Endpoint("POST", "/admin/rules/reload", Roles.RULES_ADMIN, null));
    }

    private static io.restassured.response.ValidatableResponse call(Endpoint endpoint, String token) {
        RequestSpecification request = given();
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (endpoint.body() instanceof String ndjson) {
            // a batch: NDJSON without the charset REST Assured would add, the path's ':' as it is
            request = request.urlEncodingEnabled(false).config(io.restassured.RestAssured.config().encoderConfig(
                    io.restassured.config.EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                    .contentType("application/x-ndjson")
                    .body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else if (endpoint.body() != null) {
            request = request.contentType(ContentType.JSON).body(endpoint.body());
        }
        return request.when().request(endpoint.method(), endpoint.path()).then();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void shouldServeACallerHoldingTheRole(Endpoint endpoint) {
        call(endpoint, Tokens.withRoles(endpoint.role())).statusCode(oneOf(200, 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void shouldAnswer403ToATokenWithoutTheRole(Endpoint endpoint) {
        String[] others = List.of(Roles.EVALUATOR, Roles.AUDITOR, Roles.RULES_ADMIN).stream()
                .filter(role -> !role.equals(endpoint.role())).toArray(String[]::new);

        call(endpoint, Tokens.withRoles(others)).statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void shouldAnswer401WithABearerChallengeWithoutAToken(Endpoint endpoint) {
        call(endpoint, null).statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer")).body("status", equalTo(401));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void shouldAnswer401ToEveryKindOfBadToken(Endpoint endpoint) {
        for (String bad : List.of("not-a-jwt", "a.b.c", Tokens.expired(endpoint.role()),
                Tokens.signedByAnotherKey(endpoint.role()), Tokens.fromAnotherIssuer(endpoint.role()))) {
            call(endpoint, bad).statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
        }
    }

    /** A groups claim of the wrong shape makes the token bad (401), never a 500 (SmallRye's ClassCastException). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void shouldAnswer401ToAGroupsClaimThatIsNotAnArrayOfStrings(Endpoint endpoint) {
        String role = '"' + endpoint.role() + '"';
        for (String groups : List.of("1", "true", "1.5", "{" + role + ":true}", "[[" + role + "]]", "[" + role + ",7]")) {
            call(endpoint, Tokens.withGroupsJson(groups)).statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer")).body("status", equalTo(401));
        }
    }

    /** A good token without roles (no groups, [] or null) names a caller who may call nothing: 403, as a token without the endpoint's role. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void shouldAnswer403ToATokenWithoutGroups(Endpoint endpoint) {
        call(endpoint, Tokens.withoutGroups()).statusCode(403).contentType("application/problem+json");
        call(endpoint, Tokens.withGroupsJson("[]")).statusCode(403).contentType("application/problem+json");
        call(endpoint, Tokens.withGroupsJson("null")).statusCode(403).contentType("application/problem+json");
    }

    /** The page is files anyone may load; every call it makes to the API asks for the role as above. */
    @Test
    void shouldServeTheTierProgressPageWithoutAToken() {
        for (String file : List.of("/ui/", "/ui/index.html", "/ui/ladder.html", "/ui/progress.js", "/ui/app.css")) {
            given().when().get(file).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("default-src 'none'"));
            given().header("Authorization", "Bearer not-a-jwt").when().get(file).then().statusCode(200);
        }
    }

    @Test
    void shouldStillReadASingleStringGroupsClaim() {
        given().header("Authorization", "Bearer " + Tokens.withGroupsJson("\"" + Roles.EVALUATOR + "\""))
                .when().get("/programs").then().statusCode(200);
    }

    @Test
    void shouldLeaveHealthAndTheContractOpen() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("bearer"));
        given().when().get("/q/swagger-ui/").then().statusCode(not(oneOf(401, 403)));
    }

    @Test
    void shouldTakeRolesFromTheGroupsClaimOnly() {
        given().header("Authorization", "Bearer " + Tokens.withRoles("evaluators", "admin"))
                .when().get("/programs").then().statusCode(403);
    }
}
