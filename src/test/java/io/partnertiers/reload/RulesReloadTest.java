package io.partnertiers.reload;

import static io.partnertiers.PartnerJson.partner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.partnertiers.ApiTest;
import io.partnertiers.PartnerJson;
import io.partnertiers.RuleFolders;
import io.partnertiers.rules.RulesetCompiler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Live reload against a copy of the shipped rules that each test edits and puts back. */
@QuarkusTest
@TestProfile(RulesReloadTest.CopiedRules.class)
class RulesReloadTest extends ApiTest {

    static final Path RULES = copyOfShippedRules();
    private static final Path GOLD = RULES.resolve("microsoft-mpn/gold.drl");
    private static final String GOLD_CSAT = "@tier(\"GOLD\") @criterion(\"csat-positive\") @required(4.0)";
    private static final String GOLD_REFERENCES = "@tier(\"GOLD\") @criterion(\"customer-references\") @required(5)";
    private static final String ORIGINAL_GOLD = read(GOLD);

    /** The service serves a temporary copy of rules/, and reloads only when asked. */
    public static class CopiedRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partner-tiers.rules.dir", RULES.toString(), "partner-tiers.rules.watch", "false");
        }
    }

    @AfterEach
    void putTheRulesBack() throws IOException {
        Files.writeString(GOLD, ORIGINAL_GOLD);
        Path aside = RULES.resolve(".servicenow-tpp");
        if (Files.exists(aside)) {
            Files.move(aside, RULES.resolve("servicenow-tpp"));
        }
        reload().then().statusCode(200);
    }

    private static io.restassured.response.Response reload() {
        return given().when().post("/admin/rules/reload");
    }

    private static String version(String program) {
        return given().when().get("/programs/{p}", program).then().statusCode(200).extract().path("rulesetVersion");
    }

    @Test
    void shouldSwapInAnEditedThresholdWithoutARestart() throws IOException {
        String before = version("microsoft-mpn");
        Files.writeString(GOLD, ORIGINAL_GOLD.replace(GOLD_CSAT, GOLD_CSAT.replace("4.0", "3.9")));

        reload().then().statusCode(200).body("loaded", equalTo(List.of("microsoft-mpn")));

        assertNotEquals(before, version("microsoft-mpn"));
        assertEquals(RulesetCompiler.versionOf(RULES.resolve("microsoft-mpn")), version("microsoft-mpn"));
        given().when().get("/programs/microsoft-mpn").then()
                .body("tiers[3].criteria.find { it.criterion == 'csat-positive' }.required", equalTo(new BigDecimal("3.9")));
        given().when().get("/admin/rules/status").then().statusCode(200)
                .body("find { it.program == 'microsoft-mpn' }.activeVersion", equalTo(version("microsoft-mpn")))
                .body("find { it.program == 'microsoft-mpn' }.lastFailure", equalTo(null));
    }

    @jakarta.inject.Inject
    RulesReloader reloader;

    @Test
    void shouldLoadAChangeFoundByPollingOnceItHasHeldStill() throws IOException {
        String before = version("microsoft-mpn");
        reloader.poll(); // the folder as it is now
        Files.writeString(GOLD, ORIGINAL_GOLD.replace(GOLD_CSAT, GOLD_CSAT.replace("4.0", "3.8")));

        reloader.poll(); // changed since the last look: wait for it to settle
        assertEquals(before, version("microsoft-mpn"));
        reloader.poll(); // unchanged since: load it
        assertEquals(RulesetCompiler.versionOf(RULES.resolve("microsoft-mpn")), version("microsoft-mpn"));
    }

    @Test
    void shouldKeepServingTheLastGoodVersionWhenADrlDoesNotCompile() throws IOException {
        String before = version("microsoft-mpn");
        Files.writeString(GOLD, ORIGINAL_GOLD.replaceFirst("referencesInCertifiedSpecializations \\)", "references )"));

        reload().then().statusCode(200).body("refused", equalTo(List.of("microsoft-mpn")));

        assertEquals(before, version("microsoft-mpn"));
        given().when().get("/admin/rules/status").then()
                .body("find { it.program == 'microsoft-mpn' }.activeVersion", equalTo(before))
                .body("find { it.program == 'microsoft-mpn' }.lastFailure.diagnostics[0]",
                        containsString("microsoft-mpn/gold.drl:18:"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldRefuseAChangeThatFailsAScenario() throws IOException {
        String before = version("microsoft-mpn");
        Path silver = RULES.resolve("microsoft-mpn/silver.drl");
        String original = Files.readString(silver);
        try {
            Files.writeString(silver, original.replace("@criterion(\"certified-specializations\") @required(2)",
                    "@criterion(\"certified-specializations\") @required(3)"));

            reload().then().statusCode(200).body("refused", equalTo(List.of("microsoft-mpn")));

            assertEquals(before, version("microsoft-mpn"));
            given().when().get("/admin/rules/status").then()
                    .body("find { it.program == 'microsoft-mpn' }.lastFailure.diagnostics",
                            hasItem(containsString("Four people certified only in CRM cover one specialization")));
        } finally {
            Files.writeString(silver, original);
        }
    }

    @Test
    void shouldIgnoreAHalfWrittenFile() throws IOException {
        String before = version("microsoft-mpn");
        Files.writeString(GOLD, ORIGINAL_GOLD.substring(0, ORIGINAL_GOLD.length() / 2));

        reload().then().statusCode(200).body("refused", equalTo(List.of("microsoft-mpn")));

        assertEquals(before, version("microsoft-mpn"));
        JsonPath answer = evaluate("microsoft-mpn", partner().agreementSigned(true).body());
        assertEquals(before, answer.getString("rulesetVersion"));
    }

    @Test
    void shouldUnloadAProgramOnlyWhenAskedAfterItsFolderIsGone() throws IOException {
        Files.move(RULES.resolve("servicenow-tpp"), RULES.resolve(".servicenow-tpp"));

        reload().then().statusCode(200).body("unloaded", equalTo(List.of()));
        given().when().get("/programs/servicenow-tpp").then().statusCode(200);
        given().when().get("/admin/rules/status").then()
                .body("find { it.program == 'servicenow-tpp' }.note", containsString("folder missing"));

        given().queryParam("unload", "servicenow-tpp").when().post("/admin/rules/reload")
                .then().statusCode(200).body("unloaded", equalTo(List.of("servicenow-tpp")));
        given().when().get("/programs/servicenow-tpp").then().statusCode(404);
    }

    @Test
    void shouldAnswer404ForUnloadingAProgramNobodyKnowsAnd400ForSomethingThatIsNoId() {
        given().queryParam("unload", "no-such-program").when().post("/admin/rules/reload").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no-such-program"));
        given().queryParam("unload", "../etc").when().post("/admin/rules/reload").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("unload"));
    }

    @Test
    void shouldKeepServingAndSayWhyWhileTheRulesFolderIsMissing() throws IOException {
        Path aside = RULES.resolveSibling(RULES.getFileName() + "-aside");
        Files.move(RULES, aside);
        try {
            reload().then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("does not exist"));
            given().when().get("/admin/rules/status").then().statusCode(200)
                    .body("find { it.program == 'microsoft-mpn' }.note", containsString("rules folder is missing"));
            given().when().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'rules' }.data.'rules-folder'", containsString("missing"));
            version("microsoft-mpn");
        } finally {
            Files.move(aside, RULES);
        }
        reload().then().statusCode(200);
    }

    @Test
    void shouldRefuseToUnloadAProgramWhoseFolderExistsOrThatOthersNeed() throws IOException {
        given().queryParam("unload", "cisco-cx").when().post("/admin/rules/reload")
                .then().statusCode(400).body("errors.field", hasItem("unload"));
    }

    @Test
    void shouldAnswerEveryEvaluationFromOneWholeVersionThroughAHundredReloads() throws Exception {
        String strict = ORIGINAL_GOLD;
        String lenient = ORIGINAL_GOLD.replace(GOLD_REFERENCES, GOLD_REFERENCES.replace("(5)", "(4)"));
        Files.writeString(GOLD, lenient);
        String lenientVersion = RulesetCompiler.versionOf(RULES.resolve("microsoft-mpn"));
        Files.writeString(GOLD, strict);
        String strictVersion = RulesetCompiler.versionOf(RULES.resolve("microsoft-mpn"));
        Map<String, Object> goldButOneReference = goldWithReferences(4);

        AtomicBoolean reloading = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        ExecutorService evaluators = Executors.newFixedThreadPool(4);
        int[] answers = new int[1];
        for (int t = 0; t < 4; t++) {
            evaluators.submit(() -> {
                while (reloading.get()) {
                    var response = given().contentType(ContentType.JSON).body(goldButOneReference)
                            .post("/programs/microsoft-mpn/evaluations");
                    if (response.statusCode() != 200) {
                        problems.add("status " + response.statusCode());
                        continue;
                    }
                    JsonPath answer = response.jsonPath();
                    String version = answer.getString("rulesetVersion");
                    String segment = answer.getString("segment");
                    boolean consistent = version.equals(strictVersion) && "SILVER".equals(segment)
                            || version.equals(lenientVersion) && "GOLD".equals(segment);
                    if (!consistent) {
                        problems.add(version + " answered " + segment);
                    }
                    synchronized (answers) {
                        answers[0]++;
                    }
                }
            });
        }
        for (int i = 0; i < 100; i++) {
            Files.writeString(GOLD, i % 2 == 0 ? lenient : strict);
            reload().then().statusCode(200).body("refused", equalTo(List.of()));
        }
        reloading.set(false);
        evaluators.shutdown();
        assertTrue(evaluators.awaitTermination(30, TimeUnit.SECONDS));

        assertEquals(0, problems.size(), "wrong answers, first ones: " + problems.stream().limit(5).toList());
        assertTrue(answers[0] > 100, "evaluations ran alongside the reloads: " + answers[0]);
    }

    /** Gold on every count but references: Gold when Gold asks for 4 of them, Silver when it asks for 5. */
    private static Map<String, Object> goldWithReferences(int references) {
        PartnerJson partner = partner().agreementSigned(true).toolkits("CRM")
                .person(PartnerJson.person("a", List.of(), PartnerJson.cert("CRM")))
                .person(PartnerJson.person("b", List.of(), PartnerJson.cert("ERP")))
                .person(PartnerJson.person("c", List.of(), PartnerJson.cert("BI")))
                .person(PartnerJson.person("d", List.of(), PartnerJson.cert("UC")))
                .csat(1, "4.5");
        for (int i = 0; i < references; i++) {
            partner.reference("CRM", true, PartnerJson.RECENT);
        }
        Map<String, Object> body = partner.body();
        body.put("record", false);
        return body;
    }

    /**
     * The shipped rules without microsoft-mpn's boundary scenarios, which pin Gold's thresholds: these
     * tests swap threshold edits in and out, and the scenarios of rules/ would rightly keep them out.
     */
    private static Path copyOfShippedRules() {
        try {
            Path copy = RuleFolders.copyAll(Files.createTempDirectory("partner-tiers-rules"));
            Files.delete(copy.resolve("microsoft-mpn/tests/boundaries.yaml"));
            return copy;
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
