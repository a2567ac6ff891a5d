package io.partnertiers.audit;

import static io.partnertiers.PartnerJson.cert;
import static io.partnertiers.PartnerJson.partner;
import static io.partnertiers.PartnerJson.person;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnertiers.ApiTest;
import io.partnertiers.PartnerJson;
import io.partnertiers.RuleFolders;
import io.partnertiers.evaluation.EvaluationResult;
import io.partnertiers.evaluation.Evaluator;
import io.partnertiers.facts.PartnerFacts;
import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.RulesetCompiler;
import io.partnertiers.rules.RulesetRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Recording decisions, reading them back, history, pagination, replay and retention. */
@QuarkusTest
class DecisionLogTest extends ApiTest {

    private static final String MPN = "microsoft-mpn";

    @Inject
    DecisionLog log;

    @Inject
    RulesetRegistry registry;

    @Inject
    RetentionPurge retention;

    @Inject
    ObjectMapper json;

    @TempDir
    Path temp;

    /** A partner id no other test uses, so the shared database needs no cleaning between tests. */
    private static String newPartnerId() {
        return "p-" + UUID.randomUUID();
    }

    private static Map<String, Object> body(String partnerId, LocalDate asOf, PartnerJson partner, Boolean record) {
        Map<String, Object> body = partner.with("partnerId", partnerId).asOf(asOf);
        if (record != null) {
            body.put("record", record);
        }
        return body;
    }

    private static PartnerJson silver() {
        return MicrosoftMpnFixtures.silver();
    }

    @Test
    void shouldStoreTheDecisionByDefaultAndServeItBackExactly() throws IOException {
        String partnerId = newPartnerId();
        String answer = given().contentType(ContentType.JSON).body(body(partnerId, PartnerJson.AS_OF, silver(), null))
                .when().post("/programs/{p}/evaluations", MPN)
                .then().statusCode(200).body("evaluationId", matchesPattern("[0-9a-f-]{36}"))
                .extract().asString();
        JsonNode given = json.readTree(answer);
        String id = given.get("evaluationId").asText();

        JsonPath stored = given().when().get("/evaluations/{id}", id).then().statusCode(200).extract().jsonPath();

        assertEquals(id, stored.getString("evaluationId"));
        assertEquals(MPN, stored.getString("program"));
        assertEquals(partnerId, stored.getString("partnerId"));
        assertEquals("SILVER", stored.getString("segment"));
        assertEquals(PartnerJson.AS_OF.toString(), stored.getString("asOf"));
        assertNotNull(stored.getString("recordedAt"));
        JsonNode storedAnswer = json.readTree(given().when().get("/evaluations/{id}", id).then().extract().asString())
                .get("answer");
        assertEquals(given, storedAnswer, "the stored answer is the answer given");
        assertEquals(partnerId, stored.getString("partner.partnerId"));
        assertEquals(2, stored.getList("partner.people").size());
    }

    @Test
    void shouldSendARecordedAnswerAsTheBytesItStored() {
        byte[] sent = given().contentType(ContentType.JSON).body(body(newPartnerId(), PartnerJson.AS_OF, silver(), true))
                .when().post("/programs/{p}/evaluations", MPN)
                .then().statusCode(200).contentType(ContentType.JSON).extract().asByteArray();
        String id = JsonPath.from(new String(sent, StandardCharsets.UTF_8)).getString("evaluationId");

        byte[] stored = QuarkusTransaction.requiringNew().call(() -> StoredJson.decode(Decision.<Decision>findById(id).answer))
                .getBytes(StandardCharsets.UTF_8);

        assertEquals(new String(stored, StandardCharsets.UTF_8),
                new String(sent, StandardCharsets.UTF_8));
    }

    @Test
    void shouldStoreEveryDecisionOfConcurrentRequests() throws Exception {
        String partnerId = newPartnerId();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
            for (int day = 1; day <= 28; day++) {
                LocalDate asOf = LocalDate.of(2026, 2, day);
                ids.add(pool.submit(() -> evaluate(MPN, body(partnerId, asOf, silver(), true)).getString("evaluationId")));
            }
            for (var id : ids) {
                given().when().get("/evaluations/{id}", id.get()).then().statusCode(200);
            }
        } finally {
            pool.shutdown();
        }
        given().queryParam("size", 100).when().get("/partners/{id}/evaluations", partnerId)
                .then().statusCode(200).body("total", equalTo(28));
    }

    @Test
    void shouldStoreNothingWhenRecordIsFalse() {
        String partnerId = newPartnerId();
        given().contentType(ContentType.JSON).body(body(partnerId, PartnerJson.AS_OF, silver(), false))
                .when().post("/programs/{p}/evaluations", MPN)
                .then().statusCode(200).body("segment", equalTo("SILVER")).body("$", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasKey("evaluationId")));

        given().when().get("/partners/{id}/evaluations", partnerId).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldAnswer404ProblemForAnUnknownEvaluation() {
        given().when().get("/evaluations/{id}", "no-such-id")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().when().post("/evaluations/{id}/replay", "no-such-id").then().statusCode(404);
    }

    @Test
    void shouldDeriveTierChangesFromDecisionsInAsOfOrder() {
        String partnerId = newPartnerId();
        LocalDate expiry = LocalDate.of(2026, 6, 30);
        // Silver until the ERP certification expires on 30 June, then Subscriber; recorded out of order
        PartnerJson partner = partner().agreementSigned(true).toolkits("CRM")
                .person(person("a", List.of(), cert("CRM")))
                .person(person("b", List.of(), cert("ERP", "PROCTORED_EXAM", PartnerJson.LONG_AGO, expiry)))
                .reference("CRM", true, LocalDate.of(2026, 1, 10)).reference("CRM", true, LocalDate.of(2026, 1, 10))
                .csat("4.5", LocalDate.of(2026, 1, 5));
        for (LocalDate asOf : List.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 8, 1), LocalDate.of(2026, 2, 1))) {
            evaluate(MPN, body(partnerId, asOf, partner, true));
        }

        given().queryParam("program", MPN).when().get("/partners/{id}/tier-history", partnerId)
                .then().statusCode(200)
                .body("asOf", contains("2026-01-01", "2026-02-01", "2026-07-01"))
                .body("from", contains(null, "SUBSCRIBER", "SILVER"))
                .body("to", contains("SUBSCRIBER", "SILVER", "SUBSCRIBER"))
                .body("direction", contains("PROMOTION", "PROMOTION", "DEMOTION"))
                .body("rulesetVersion", contains(notNullValue(), notNullValue(), notNullValue()));
    }

    @Test
    void shouldPageAPartnersDecisionsNewestFirstWithinBounds() {
        String partnerId = newPartnerId();
        for (int day = 1; day <= 5; day++) {
            evaluate(MPN, body(partnerId, LocalDate.of(2026, 3, day), silver(), true));
        }
        evaluate("cisco-cx", body(partnerId, LocalDate.of(2026, 3, 9), partner(), true));

        given().queryParam("program", MPN).queryParam("size", 2).queryParam("page", 1)
                .when().get("/partners/{id}/evaluations", partnerId)
                .then().statusCode(200)
                .body("total", equalTo(5)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("items.asOf", contains("2026-03-03", "2026-03-02"));
        given().when().get("/partners/{id}/evaluations", partnerId)
                .then().statusCode(200).body("total", equalTo(6)).body("items[0].program", equalTo("cisco-cx"));
        given().queryParam("from", "2026-03-02").queryParam("to", "2026-03-04")
                .when().get("/partners/{id}/evaluations", partnerId)
                .then().statusCode(200).body("items.asOf", contains("2026-03-04", "2026-03-03", "2026-03-02"));
    }

    @Test
    void shouldRefusePagesOutsideTheBounds() {
        given().queryParam("size", 101).when().get("/partners/x/evaluations")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("size"));
        given().queryParam("size", 0).when().get("/partners/x/evaluations").then().statusCode(400);
        given().queryParam("page", -1).when().get("/partners/x/evaluations")
                .then().statusCode(400).body("errors.field", hasItem("page"));
        given().queryParam("from", "2026-02-30").when().get("/partners/x/evaluations")
                .then().statusCode(400).body("errors.field", hasItem("from"));
        given().when().get("/partners/x/tier-history").then().statusCode(400).body("errors.field", hasItem("program"));
        given().queryParam("program", "nope").when().get("/partners/x/tier-history").then().statusCode(404);
    }

    @Test
    void shouldReplayWithTheSameRulesAsTheSameAnswer() {
        String id = evaluate(MPN, body(newPartnerId(), PartnerJson.AS_OF, silver(), true)).getString("evaluationId");

        given().when().post("/evaluations/{id}/replay", id)
                .then().statusCode(200)
                .body("same", equalTo(true)).body("changes", org.hamcrest.Matchers.empty())
                .body("segmentBefore", equalTo("SILVER")).body("segmentAfter", equalTo("SILVER"));
    }

    @Test
    void shouldShowWhichCriteriaMovedWhenReplayingADecisionMadeUnderOtherRules() throws IOException {
        // a decision recorded while Silver asked for only one certified specialization
        Path older = RuleFolders.copy(MPN, temp, text -> text.replace(
                "@tier(\"SILVER\") @criterion(\"certified-specializations\") @required(2)",
                "@tier(\"SILVER\") @criterion(\"certified-specializations\") @required(1)"));
        Ruleset oldRules = new RulesetCompiler(getClass().getClassLoader()).compile(older);
        PartnerFacts facts = json.convertValue(MicrosoftMpnFixtures.silverButOneSpecialization()
                .with("partnerId", newPartnerId()).body().get("partner"), PartnerFacts.class);
        EvaluationResult then = new Evaluator(registry::find).evaluate(oldRules, facts, PartnerJson.AS_OF, false);
        assertEquals("SILVER", then.segment());
        String id = log.record(facts, then).evaluationId();

        JsonPath replay = given().when().post("/evaluations/{id}/replay", id).then().statusCode(200).extract().jsonPath();

        assertEquals(false, replay.getBoolean("same"));
        assertEquals("SILVER", replay.getString("segmentBefore"));
        assertEquals("SUBSCRIBER", replay.getString("segmentAfter"));
        assertEquals(oldRules.version(), replay.getString("rulesetVersionBefore"));
        assertEquals(registry.find(MPN).orElseThrow().version(), replay.getString("rulesetVersionAfter"));
        assertEquals(List.of("SILVER/certified-specializations"),
                replay.getList("changes.collect { it.tier + '/' + it.criterion }"));
        assertEquals(true, replay.getBoolean("changes[0].before.met"));
        assertEquals(false, replay.getBoolean("changes[0].after.met"));
        assertEquals(2, replay.getInt("changes[0].after.required"));
        assertEquals("SILVER", replay.getString("stored.segment"));
        assertNull(replay.get("current.evaluationId"), "a replay stores nothing");
    }

    @Test
    void shouldPurgeOnlyDecisionsRecordedBeforeTheCutoff() {
        String partnerId = newPartnerId();
        evaluate(MPN, body(partnerId, PartnerJson.AS_OF, silver(), true));
        String oldId = evaluate(MPN, body(partnerId, PartnerJson.AS_OF.minusDays(1), silver(), true)).getString("evaluationId");
        QuarkusTransaction.requiringNew().run(() -> Decision.update("recordedAt = ?1 where id = ?2",
                Instant.parse("2020-01-01T00:00:00Z"), oldId));

        assertEquals(0, retention.purge(), "no retention period is configured: everything is kept");
        long deleted = log.purgeRecordedBefore(Instant.parse("2021-01-01T00:00:00Z"));

        assertEquals(1, deleted);
        given().when().get("/evaluations/{id}", oldId).then().statusCode(404);
        given().when().get("/partners/{id}/evaluations", partnerId).then().body("total", equalTo(1));
    }

    @Test
    void shouldKeepTheFactsExactlyAsSentSpacingAndFieldOrderIncluded() {
        String partnerId = newPartnerId();
        String partner = "{ \"toolkits\" : [\"CRM\"],\n  \"partnerId\": \"" + partnerId + "\", \"name\":\"Société 日本\",\n"
                + "  \"agreementSigned\" :true }";
        String id = given().contentType(ContentType.JSON)
                .body("{\"record\": true, \"partner\":   " + partner + "  , \"asOf\":\"2026-11-24\"}")
                .when().post("/programs/{program}/evaluations", MPN)
                .then().statusCode(200).extract().path("evaluationId");

        String hash = QuarkusTransaction.requiringNew().call(() -> Decision.<Decision>findById(id).factsHash);
        String stored = QuarkusTransaction.requiringNew().call(() -> StoredJson.decode(StoredFacts.<StoredFacts>findById(hash).json));
        assertEquals(partner, stored, "byte for byte the request's partner");
        assertEquals(StoredFacts.hashOf(partner), hash);
        given().when().get("/evaluations/{id}", id).then().statusCode(200)
                .body("partner.partnerId", equalTo(partnerId)).body("partner.name", equalTo("Société 日本"))
                .body("partner.toolkits", contains("CRM"));
        given().when().post("/evaluations/{id}/replay", id).then().statusCode(200).body("same", equalTo(true));
    }

    @Test
    void shouldStoreIdenticalFactsOnceAndEachDecisionsAnswer() {
        String partnerId = newPartnerId();
        String first = evaluate(MPN, body(partnerId, PartnerJson.AS_OF, silver(), true)).getString("evaluationId");
        String second = evaluate(MPN, body(partnerId, PartnerJson.AS_OF, silver(), true)).getString("evaluationId");
        String other = evaluate(MPN, body(partnerId, PartnerJson.AS_OF, silver().toolkits("ERP"), true))
                .getString("evaluationId");

        Map<String, String> hashes = QuarkusTransaction.requiringNew().call(() -> Map.of(
                first, Decision.<Decision>findById(first).factsHash,
                second, Decision.<Decision>findById(second).factsHash,
                other, Decision.<Decision>findById(other).factsHash));
        assertEquals(hashes.get(first), hashes.get(second), "the same facts: one stored copy");
        assertNotEquals(hashes.get(first), hashes.get(other));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> StoredFacts.count("hash", hashes.get(first))));
        for (String hash : hashes.values()) {
            String stored = QuarkusTransaction.requiringNew().call(() -> StoredJson.decode(StoredFacts.<StoredFacts>findById(hash).json));
            assertEquals(hash, StoredFacts.hashOf(stored), "the key is the SHA-256 of the JSON stored under it");
        }
        for (String id : List.of(first, second, other)) {
            given().when().get("/evaluations/{id}", id).then().statusCode(200)
                    .body("partner.partnerId", equalTo(partnerId)).body("answer.evaluationId", equalTo(id));
        }
        given().when().get("/evaluations/{id}", other).then().body("partner.toolkits", hasItem("ERP"));
    }

    @Test
    void shouldPurgeFactsNoDecisionRefersToAndKeepSharedOnes() {
        String partnerId = newPartnerId();
        String kept = evaluate(MPN, body(partnerId, PartnerJson.AS_OF, silver(), true)).getString("evaluationId");
        String oldSameFacts = evaluate(MPN, body(partnerId, PartnerJson.AS_OF, silver(), true)).getString("evaluationId");
        String oldOwnFacts = evaluate(MPN, body(partnerId, PartnerJson.AS_OF, silver().toolkits("SECURITY"), true))
                .getString("evaluationId");
        String ownHash = QuarkusTransaction.requiringNew().call(() -> Decision.<Decision>findById(oldOwnFacts).factsHash);
        QuarkusTransaction.requiringNew().run(() -> Decision.update("recordedAt = ?1 where id in ?2",
                Instant.parse("2020-01-01T00:00:00Z"), List.of(oldSameFacts, oldOwnFacts)));

        assertEquals(2, log.purgeRecordedBefore(Instant.parse("2021-01-01T00:00:00Z")));

        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> StoredFacts.count("hash", ownHash)),
                "facts only purged decisions referred to are gone");
        given().when().get("/evaluations/{id}", kept).then().statusCode(200).body("partner.partnerId", equalTo(partnerId));
        // recording those facts again after the purge stores them again
        String again = evaluate(MPN, body(partnerId, PartnerJson.AS_OF, silver().toolkits("SECURITY"), true))
                .getString("evaluationId");
        given().when().get("/evaluations/{id}", again).then().statusCode(200).body("partner.toolkits", hasItem("SECURITY"));
    }

    @Test
    void shouldStoreFactsAgainThatAnotherReplicaPurgedBehindThisOnesBack() {
        String partnerId = newPartnerId();
        String first = evaluate(MPN, body(partnerId, PartnerJson.AS_OF, silver(), true)).getString("evaluationId");
        // what a second replica's purge does: this replica still remembers the facts as stored
        QuarkusTransaction.requiringNew().run(() -> {
            String hash = Decision.<Decision>findById(first).factsHash;
            Decision.deleteById(first);
            StoredFacts.deleteById(hash);
        });

        String again = evaluate(MPN, body(partnerId, PartnerJson.AS_OF, silver(), true)).getString("evaluationId");

        given().when().get("/evaluations/{id}", again).then().statusCode(200).body("partner.partnerId", equalTo(partnerId));
    }

    /** Microsoft profiles shared by these tests. */
    static final class MicrosoftMpnFixtures {

        static PartnerJson silver() {
            return partner().agreementSigned(true).toolkits("CRM")
                    .person(person("a", List.of(), cert("CRM")))
                    .person(person("b", List.of(), cert("ERP")))
                    .reference("CRM", true, PartnerJson.RECENT).reference("ERP", true, PartnerJson.RECENT)
                    .csat(1, "4.4");
        }

        static PartnerJson silverButOneSpecialization() {
            return partner().agreementSigned(true).toolkits("CRM")
                    .person(person("a", List.of(), cert("CRM")))
                    .person(person("b", List.of(), cert("CRM")))
                    .reference("CRM", true, PartnerJson.RECENT).reference("CRM", true, PartnerJson.RECENT)
                    .csat(1, "4.4");
        }
    }
}
