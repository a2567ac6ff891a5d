package io.partnertiers.reload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.partnertiers.RuleFolders;
import io.partnertiers.rules.RulesetCompiler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A saved edit is loaded through file-system events alone (the poll is set far away). */
@QuarkusTest
@TestProfile(RulesFolderWatcherTest.Watched.class)
class RulesFolderWatcherTest {

    static final Path RULES;

    static {
        try {
            RULES = RuleFolders.copyAll(Files.createTempDirectory("watched-rules"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class Watched implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partner-tiers.rules.dir", RULES.toString(), "partner-tiers.rules.watch", "true",
                    "partner-tiers.rules.poll-every", "1h");
        }
    }

    @Test
    void shouldLoadASavedEditWithinSecondsAndCountIt() throws Exception {
        Path gold = RULES.resolve("microsoft-mpn/gold.drl");
        Files.writeString(gold, Files.readString(gold).replace(
                "@criterion(\"csat-positive\") @required(4.0)", "@criterion(\"csat-positive\") @required(3.7)"));
        String expected = RulesetCompiler.versionOf(RULES.resolve("microsoft-mpn"));

        String served = null;
        for (int i = 0; i < 100 && !expected.equals(served); i++) {
            Thread.sleep(100);
            served = given().when().get("/programs/microsoft-mpn").then().extract().path("rulesetVersion");
        }

        assertEquals(expected, served);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("partner_tiers_rules_reloads_total{outcome=\"loaded\"} 1.0"));
    }
}
