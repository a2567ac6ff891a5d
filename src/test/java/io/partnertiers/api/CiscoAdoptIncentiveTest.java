package io.partnertiers.api;

import static io.partnertiers.PartnerJson.AS_OF;
import static io.partnertiers.PartnerJson.partner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnertiers.ApiTest;
import io.partnertiers.PartnerJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** cisco-adopt-incentive, checked against PROGRAMS.md §8. */
@QuarkusTest
class CiscoAdoptIncentiveTest extends ApiTest {

    private static final String PROGRAM = "cisco-adopt-incentive";
    private static final YearMonth THIS_MONTH = YearMonth.from(AS_OF);

    /** A Gold partner with the CX specialization, three months of adoption ending this month, no deals. */
    static PartnerJson eligible() {
        PartnerJson partner = CiscoCxTest.team(2, false).with("vendorPartnerLevel", "GOLD");
        for (int i = 2; i >= 0; i--) {
            partner.adoption(THIS_MONTH.minusMonths(i), "0.60");
        }
        return partner;
    }

    @Test
    void shouldBeEligibleWithEveryCriterionMet() {
        JsonPath answer = evaluate(PROGRAM, eligible().deal("D-1", AS_OF.minusDays(120), AS_OF.minusDays(30)).body());

        assertEquals("ELIGIBLE", answer.getString("segment"));
        assertNull(answer.get("nextSegment"));
        assertEquals(List.of(), answer.getList("gaps"));
    }

    @Test
    void shouldAcceptPlatinumButNotSilver() {
        assertEquals("ELIGIBLE", evaluate(PROGRAM, eligible().with("vendorPartnerLevel", "PLATINUM").body()).getString("segment"));

        JsonPath answer = evaluate(PROGRAM, eligible().with("vendorPartnerLevel", "SILVER").body());
        assertNull(answer.get("segment"));
        assertEquals(List.of("partner-level"), gapCriteria(answer));
        assertEquals(false, answer.get("gaps[0].actual"));
    }

    @Test
    void shouldReuseTheCxSpecializationOfCiscoCx() {
        PartnerJson oneCsmShort = eligible().with("people", CiscoCxTest.team(1, false).people());

        JsonPath answer = evaluate(PROGRAM, oneCsmShort.body());

        assertEquals(List.of("cx-specialization"), gapCriteria(answer));
        assertEquals(true, answer.get("gaps[0].required"));
        assertEquals(false, answer.get("gaps[0].actual"));
    }

    @Test
    void shouldNeedThreeConsecutiveMonthsAtSixtyPercent() {
        PartnerJson twoMonths = eligible().with("adoption", null)
                .adoption(THIS_MONTH.minusMonths(1), "0.9").adoption(THIS_MONTH, "0.9");
        PartnerJson justBelow = eligible().with("adoption", null)
                .adoption(THIS_MONTH.minusMonths(2), "0.60").adoption(THIS_MONTH.minusMonths(1), "0.59")
                .adoption(THIS_MONTH, "0.60");

        JsonPath answer = evaluate(PROGRAM, twoMonths.body());
        assertEquals(List.of("adoption-streak"), gapCriteria(answer));
        assertEquals(1, answer.getInt("gaps[0].shortfall"));
        assertEquals(1, evaluate(PROGRAM, justBelow.body()).getInt("gaps[0].actual"));
    }

    @Test
    void shouldBreakTheStreakAtAMissingMonth() {
        PartnerJson gap = eligible().with("adoption", null)
                .adoption(THIS_MONTH.minusMonths(4), "0.9").adoption(THIS_MONTH.minusMonths(3), "0.9")
                .adoption(THIS_MONTH.minusMonths(1), "0.9").adoption(THIS_MONTH, "0.9");

        JsonPath answer = evaluate(PROGRAM, gap.body());

        assertEquals(List.of("adoption-streak"), gapCriteria(answer));
        assertEquals(2, answer.getInt("gaps[0].actual"));
    }

    @Test
    void shouldIgnoreAdoptionMonthsAfterTheEvaluationMonth() {
        PartnerJson future = eligible().with("adoption", null)
                .adoption(THIS_MONTH, "0.9").adoption(THIS_MONTH.plusMonths(1), "0.9").adoption(THIS_MONTH.plusMonths(2), "0.9");

        assertEquals(1, evaluate(PROGRAM, future.body()).getInt("gaps[0].actual"));
    }

    @Test
    void shouldAcceptAPlanUploadedOnDay90ButNotOnDay91() {
        PartnerJson day90 = eligible().deal("D-1", AS_OF.minusDays(200), AS_OF.minusDays(110));
        PartnerJson day91 = eligible().deal("D-1", AS_OF.minusDays(200), AS_OF.minusDays(109));

        assertEquals("ELIGIBLE", evaluate(PROGRAM, day90.body()).getString("segment"));
        JsonPath answer = evaluate(PROGRAM, day91.body());
        assertEquals(List.of("success-plans-on-time"), gapCriteria(answer));
        assertEquals(false, answer.get("gaps[0].actual"));
    }

    @Test
    void shouldNotCallADealLateBeforeItsNinetyDaysHavePassed() {
        assertEquals("ELIGIBLE", evaluate(PROGRAM, eligible().deal("D-1", AS_OF.minusDays(89), null).body())
                .getString("segment"));
        assertEquals("ELIGIBLE", evaluate(PROGRAM, eligible().deal("D-1", AS_OF.minusDays(90), null).body())
                .getString("segment"));
        assertEquals(List.of("success-plans-on-time"),
                gapCriteria(evaluate(PROGRAM, eligible().deal("D-1", AS_OF.minusDays(91), null).body())));
    }

    @Test
    void shouldTreatAPlanUploadedAfterTheEvaluationDayAsMissing() {
        PartnerJson partner = eligible().deal("D-1", AS_OF.minusDays(100), AS_OF.plusDays(1));

        assertEquals(List.of("success-plans-on-time"), gapCriteria(evaluate(PROGRAM, partner.body())));
    }

    @Test
    void shouldOnlyLookAtDealsClosedInTheWindow() {
        PartnerJson partner = eligible().deal("old", AS_OF.minusDays(365), null).deal("future", AS_OF.plusDays(1), null);

        assertEquals("ELIGIBLE", evaluate(PROGRAM, partner.body()).getString("segment"));
    }

    @Test
    void shouldListEveryCriterionForAnEmptyProfile() {
        JsonPath answer = evaluate(PROGRAM, partner().body());

        assertNull(answer.get("segment"));
        assertEquals(List.of("partner-level", "cx-specialization", "adoption-streak"), gapCriteria(answer));
        assertEquals(true, criterion(answer, "ELIGIBLE", "success-plans-on-time").get("met"), "no deal is late");
    }
}
