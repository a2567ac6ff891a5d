package io.partnertiers.api;

import static io.partnertiers.PartnerJson.AS_OF;
import static io.partnertiers.PartnerJson.RECENT;
import static io.partnertiers.PartnerJson.partner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnertiers.ApiTest;
import io.partnertiers.PartnerJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** servicenow-tpp, checked against PROGRAMS.md §6. */
@QuarkusTest
class ServicenowTppTest extends ApiTest {

    private static final String PROGRAM = "servicenow-tpp";

    /** A Tier 1 ISV: a native app earning exactly the threshold, revenue share, three references. */
    static PartnerJson tierOne() {
        return partner().with("revenueSharePartner", true)
                .app("NATIVE", true, RECENT, 1_000_000)
                .reference("ITSM", true, RECENT).reference("ITSM", true, RECENT).reference("HR", true, RECENT);
    }

    @Test
    void shouldBeTierThreeWithOneIntegrationApp() {
        JsonPath answer = evaluate(PROGRAM, partner().app("INTEGRATION", true, RECENT, 0).body());

        assertEquals("TIER_3", answer.getString("segment"));
        assertEquals("TIER_2", answer.getString("nextSegment"));
        assertEquals(List.of("revenue-share-partner", "non-integration-apps"), gapCriteria(answer));
        assertEquals(false, answer.get("gaps[0].actual"));
        assertNull(answer.get("gaps[0].shortfall"));
        assertEquals(1, answer.getInt("gaps[1].shortfall"));
    }

    @Test
    void shouldBeTierTwoWithARevenueShareAndAComplexApp() {
        JsonPath answer = evaluate(PROGRAM, partner().with("revenueSharePartner", true)
                .app("COMPLEX", true, RECENT, 400_000).body());

        assertEquals("TIER_2", answer.getString("segment"));
        assertEquals("TIER_1", answer.getString("nextSegment"));
        assertEquals(List.of("native-apps", "app-revenue", "customer-references"), gapCriteria(answer));
        assertEquals(600000, answer.getInt("gaps[1].shortfall"));
        assertEquals(3, answer.getInt("gaps[2].shortfall"));
    }

    @Test
    void shouldBeTierOneAtExactlyTheRevenueThreshold() {
        JsonPath answer = evaluate(PROGRAM, tierOne().body());

        assertEquals("TIER_1", answer.getString("segment"));
        assertNull(answer.get("nextSegment"));
        assertEquals(List.of(), answer.getList("gaps"));
    }

    @Test
    void shouldMissTierOneOneDollarShort() {
        PartnerJson partner = tierOne().with("apps", null).app("NATIVE", true, RECENT, 999_999);

        JsonPath answer = evaluate(PROGRAM, partner.body());

        assertEquals("TIER_2", answer.getString("segment"));
        assertEquals(List.of("app-revenue"), gapCriteria(answer));
        assertEquals(1, answer.getInt("gaps[0].shortfall"));
    }

    @Test
    void shouldSumRevenueOfStoreCertifiedAppsOnly() {
        PartnerJson partner = tierOne().with("apps", null)
                .app("NATIVE", true, RECENT, 600_000)
                .app("INTEGRATION", true, RECENT, 400_000)
                .app("NATIVE", false, RECENT, 5_000_000)
                .app("NATIVE", true, AS_OF.plusDays(1), 5_000_000);

        JsonPath answer = evaluate(PROGRAM, partner.body());

        assertEquals("TIER_1", answer.getString("segment"));
        assertEquals(1000000, ((Number) criterion(answer, "TIER_1", "app-revenue").get("actual")).intValue());
    }

    @Test
    void shouldNeedANativeAppForTierOne() {
        PartnerJson partner = tierOne().with("apps", null).app("COMPLEX", true, RECENT, 2_000_000);

        JsonPath answer = evaluate(PROGRAM, partner.body());

        assertEquals("TIER_2", answer.getString("segment"));
        assertEquals(List.of("native-apps"), gapCriteria(answer));
    }

    @Test
    void shouldCountOnlySignedReferencesForTierOne() {
        PartnerJson partner = tierOne().with("references", null)
                .reference("ITSM", true, RECENT).reference("ITSM", true, RECENT).reference("ITSM", false, RECENT);

        JsonPath answer = evaluate(PROGRAM, partner.body());

        assertEquals(List.of("customer-references"), gapCriteria(answer));
        assertEquals(2, answer.getInt("gaps[0].actual"));
    }

    @Test
    void shouldNotPromoteWithoutRevenueShareWhateverTheApps() {
        JsonPath answer = evaluate(PROGRAM, tierOne().with("revenueSharePartner", false).body());

        assertEquals("TIER_3", answer.getString("segment"));
        assertEquals(List.of("revenue-share-partner"), gapCriteria(answer));
        assertEquals(List.of(true, false, true), answer.getList("tiers.criteriaMet"));
    }

    @Test
    void shouldReachNoTierWithoutACertifiedApp() {
        JsonPath answer = evaluate(PROGRAM, partner().app("NATIVE", false, RECENT, 0).body());

        assertNull(answer.get("segment"));
        assertEquals("TIER_3", answer.getString("nextSegment"));
        assertEquals(List.of("store-certified-apps"), gapCriteria(answer));
    }
}
