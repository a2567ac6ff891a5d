package io.partnertiers.api;

import static io.partnertiers.PartnerJson.AS_OF;
import static io.partnertiers.PartnerJson.LONG_AGO;
import static io.partnertiers.PartnerJson.cert;
import static io.partnertiers.PartnerJson.partner;
import static io.partnertiers.PartnerJson.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnertiers.ApiTest;
import io.partnertiers.PartnerJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** cisco-cx, checked against PROGRAMS.md §3. */
@QuarkusTest
class CiscoCxTest extends ApiTest {

    private static final String PROGRAM = "cisco-cx";
    private static final String CX = "CX_SPECIALIZATION";
    private static final String ADVANCED = "ADVANCED_CX_SPECIALIZATION";

    static PartnerJson team(int proctoredCsms, boolean practiceLead) {
        PartnerJson partner = partner();
        for (int i = 0; i < proctoredCsms; i++) {
            partner.person(person("csm" + i, List.of("CSM"), cert("CX", "PROCTORED_EXAM", LONG_AGO, null)));
        }
        partner.person(person("renewals", List.of("RENEWALS_MANAGER"), cert("CX", "VERIFICATION_EXAM", LONG_AGO, null)));
        partner.person(person("sponsor", List.of("EXECUTIVE_SPONSOR")));
        if (practiceLead) {
            partner.person(person("lead", List.of("PRACTICE_LEAD")));
        }
        return partner;
    }

    @Test
    void shouldReachCxWithTwoCertifiedCsmsARenewalsManagerAndASponsor() {
        JsonPath answer = evaluate(PROGRAM, team(2, false).body());

        assertEquals(CX, answer.getString("segment"));
        assertEquals(ADVANCED, answer.getString("nextSegment"));
        assertEquals(List.of("certified-csms", "practice-lead"), gapCriteria(answer));
        assertEquals(1, answer.getInt("gaps[0].shortfall"));
        assertEquals(1, answer.getInt("gaps[1].shortfall"));
    }

    @Test
    void shouldReachAdvancedCxWithThreeCertifiedCsmsAndAPracticeLead() {
        JsonPath answer = evaluate(PROGRAM, team(3, true).body());

        assertEquals(ADVANCED, answer.getString("segment"));
        assertNull(answer.get("nextSegment"));
        assertEquals(List.of(), answer.getList("gaps"));
    }

    @Test
    void shouldMissCxWithOneCertifiedCsm() {
        JsonPath answer = evaluate(PROGRAM, team(1, true).body());

        assertNull(answer.get("segment"));
        assertEquals(CX, answer.getString("nextSegment"));
        assertEquals(List.of("certified-csms"), gapCriteria(answer));
        assertEquals(1, answer.getInt("gaps[0].actual"));
    }

    @Test
    void shouldCountOnlyCsmsWithAValidProctoredExam() {
        PartnerJson partner = team(1, false)
                .person(person("verified", List.of("CSM"), cert("CX", "VERIFICATION_EXAM", LONG_AGO, null)))
                .person(person("coursed", List.of("CSM"), cert("CX", "COURSE", LONG_AGO, null)))
                .person(person("lapsed", List.of("CSM"), cert("CX", "PROCTORED_EXAM", LONG_AGO, AS_OF.minusDays(1))))
                .person(person("notYet", List.of("CSM"), cert("CX", "PROCTORED_EXAM", AS_OF.plusDays(1), null)))
                .person(person("notCsm", List.of("PRACTICE_LEAD"), cert("CX", "PROCTORED_EXAM", LONG_AGO, null)));

        JsonPath answer = evaluate(PROGRAM, partner.body());

        assertEquals(List.of("certified-csms"), gapCriteria(answer));
        assertEquals(1, answer.getInt("gaps[0].actual"));
    }

    @Test
    void shouldAcceptAProctoredExamButNotACourseForRenewalsManagers() {
        PartnerJson proctored = partner()
                .person(person("c1", List.of("CSM"), cert("CX")))
                .person(person("c2", List.of("CSM"), cert("CX")))
                .person(person("renewals", List.of("RENEWALS_MANAGER"), cert("CX", "PROCTORED_EXAM", LONG_AGO, null)))
                .person(person("sponsor", List.of("EXECUTIVE_SPONSOR")));
        PartnerJson course = partner()
                .person(person("c1", List.of("CSM"), cert("CX")))
                .person(person("c2", List.of("CSM"), cert("CX")))
                .person(person("renewals", List.of("RENEWALS_MANAGER"), cert("CX", "COURSE", LONG_AGO, null)))
                .person(person("sponsor", List.of("EXECUTIVE_SPONSOR")));

        assertEquals(CX, evaluate(PROGRAM, proctored.body()).getString("segment"));
        JsonPath answer = evaluate(PROGRAM, course.body());
        assertNull(answer.get("segment"));
        assertEquals(List.of("renewals-managers"), gapCriteria(answer));
    }

    @Test
    void shouldNeedAnExecutiveSponsorForBothSpecializations() {
        PartnerJson partner = partner()
                .person(person("c1", List.of("CSM"), cert("CX")))
                .person(person("c2", List.of("CSM"), cert("CX")))
                .person(person("c3", List.of("CSM"), cert("CX")))
                .person(person("renewals", List.of("RENEWALS_MANAGER"), cert("CX")))
                .person(person("lead", List.of("PRACTICE_LEAD")));

        JsonPath answer = evaluate(PROGRAM, partner.body());

        assertNull(answer.get("segment"), "the advanced numbers do not make up for a missing sponsor");
        assertEquals(List.of("executive-sponsor"), gapCriteria(answer));
        assertEquals(List.of(false, false), answer.getList("tiers.reached"));
    }

    @Test
    void shouldCountOnePersonInEveryRoleTheyHold() {
        PartnerJson partner = partner()
                .person(person("all", List.of("CSM", "RENEWALS_MANAGER", "EXECUTIVE_SPONSOR", "PRACTICE_LEAD"), cert("CX")))
                .person(person("c2", List.of("CSM"), cert("CX")))
                .person(person("c3", List.of("CSM"), cert("CX")));

        assertEquals(ADVANCED, evaluate(PROGRAM, partner.body()).getString("segment"));
    }

    @Test
    void shouldAnswerAnEmptyProfileWithEveryCxCriterionAsAGap() {
        JsonPath answer = evaluate(PROGRAM, partner().body());

        assertNull(answer.get("segment"));
        assertEquals(CX, answer.getString("nextSegment"));
        assertEquals(List.of("certified-csms", "renewals-managers", "executive-sponsor"), gapCriteria(answer));
        assertEquals(List.of(2, 1, 1), answer.getList("gaps.shortfall"));
    }
}
