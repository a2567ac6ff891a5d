package io.partnertiers.reload;

import static io.partnertiers.PartnerJson.partner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnertiers.ApiTest;
import io.partnertiers.HostileRules;
import io.partnertiers.RuleFolders;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A hostile rules file in front of the running service: at start-up its program is refused while
 * the others serve; on live reload it is refused while the last good version serves. In neither
 * case does anything it tried happen.
 */
@QuarkusTest
@TestProfile(HostileRulesServiceTest.RulesWithAHostileProgram.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRulesServiceTest extends ApiTest {

    static final Path RULES = rulesWithAHostileProgram();
    private static final Path PROGRAM = RULES.resolve(HostileRules.PROGRAM);
    private static final String GOOD_STAGES = read(Path.of("rules", HostileRules.PROGRAM, HostileRules.FILE));
    private static final HostileRules.Case AT_START_UP = HostileRules.all().get(0);

    /** The shipped rules, but iped-cs-readiness's only rules file is the first hostile case. */
    public static class RulesWithAHostileProgram implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partner-tiers.rules.dir", RULES.toString(), "partner-tiers.rules.watch", "false");
        }
    }

    static List<HostileRules.Case> corpus() {
        return HostileRules.all();
    }

    @Test
    @Order(1)
    void shouldServeTheOtherProgramsAndShowTheRefusalAfterStartingWithAHostileProgram() {
        given().when().get("/programs/{id}", HostileRules.PROGRAM).then().statusCode(404);
        evaluate("servicenow-partner", partner().agreementSigned(true).body());

        String refusedAt = HostileRules.PROGRAM + "/" + HostileRules.FILE + ":" + AT_START_UP.position() + ":";
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rules' }.data.'" + HostileRules.PROGRAM + "'",
                        startsWith("refused: " + refusedAt));
        given().when().get("/admin/rules/status").then().statusCode(200)
                .body("find { it.program == '" + HostileRules.PROGRAM + "' }.activeVersion", equalTo(null))
                .body("find { it.program == '" + HostileRules.PROGRAM + "' }.lastFailure.diagnostics[0]",
                        startsWith(refusedAt));
        assertFalse(Files.exists(HostileRules.MARKER));
    }

    @Test
    @Order(2)
    void shouldServeTheProgramOnceItsFileIsCorrected() throws IOException {
        Files.writeString(PROGRAM.resolve(HostileRules.FILE), GOOD_STAGES);

        given().when().post("/admin/rules/reload").then().statusCode(200).body("loaded", hasItem(HostileRules.PROGRAM));

        evaluate(HostileRules.PROGRAM, partner().body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Order(3)
    void shouldRefuseAHostileReloadAndKeepTheLastGoodVersionServing(HostileRules.Case hostile) throws IOException {
        Files.deleteIfExists(HostileRules.MARKER);
        String serving = version();
        hostile.writeInto(PROGRAM);
        try {
            given().when().post("/admin/rules/reload").then().statusCode(200)
                    .body("refused", equalTo(List.of(HostileRules.PROGRAM)));

            String diagnostic = given().when().get("/admin/rules/status").then().statusCode(200).extract()
                    .path("find { it.program == '" + HostileRules.PROGRAM + "' }.lastFailure.diagnostics[0]");
            String where = HostileRules.PROGRAM + "/" + HostileRules.FILE + ":"
                    + (hostile.position() == null ? "" : hostile.position() + ":");
            assertTrue(diagnostic.startsWith(where), diagnostic);
            assertEquals(serving, version());
            given().contentType(ContentType.JSON).body(partner().body())
                    .when().post("/programs/{id}/evaluations", HostileRules.PROGRAM).then().statusCode(200)
                    .body("rulesetVersion", equalTo(serving));
            assertFalse(Files.exists(HostileRules.MARKER), "the rule ran: " + HostileRules.MARKER + " exists");
        } finally {
            Files.deleteIfExists(PROGRAM.resolve(HostileRules.FILE));
            Files.writeString(PROGRAM.resolve(HostileRules.FILE), GOOD_STAGES);
        }
    }

    private static String version() {
        return given().when().get("/programs/{id}", HostileRules.PROGRAM).then().statusCode(200).extract()
                .path("rulesetVersion");
    }

    private static Path rulesWithAHostileProgram() {
        try {
            Path rules = RuleFolders.copyAll(Files.createTempDirectory("hostile-rules"));
            HostileRules.all().get(0).writeInto(rules.resolve(HostileRules.PROGRAM));
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
