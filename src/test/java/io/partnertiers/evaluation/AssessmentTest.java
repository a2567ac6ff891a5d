package io.partnertiers.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnertiers.rules.Criterion;
import io.partnertiers.rules.Requirement;
import io.partnertiers.rules.SourcePosition;

/** The three kinds of criteria decided from measured values, without Drools in between. */
class AssessmentTest {

    private static final SourcePosition AT = new SourcePosition("x.drl", 1, 1);

    private static Criterion.Part part(String rule, String required) {
        return new Criterion.Part(rule, Requirement.parse(required), AT);
    }

    private static Scorecard measured(Object... ruleThenValue) {
        Scorecard scorecard = new Scorecard();
        for (int i = 0; i < ruleThenValue.length; i += 2) {
            scorecard.measured((String) ruleThenValue[i], ruleThenValue[i + 1]);
        }
        return scorecard;
    }

    // "3 implementations, or 2 implementations and 1 signed reference"
    private static final Criterion.AnyOf DELIVERY = new Criterion.AnyOf("delivery", "Delivery", List.of(
            new Criterion.Track("three", List.of(part("A: implementations", "3"))),
            new Criterion.Track("two and a reference", List.of(part("B: implementations", "2"),
                    part("B: references", "1")))), AT);

    @Test
    void shouldMeetAnyOfWhenOneTrackIsMetWhole() {
        Assessment met = Assessment.of("PREMIER", DELIVERY,
                measured("A: implementations", 2, "B: implementations", 2, "B: references", 1));

        assertEquals(true, met.result().met());
        assertEquals(List.of(false, true), met.result().tracks().stream().map(TrackResult::met).toList());
        assertNull(met.gap());
    }

    @Test
    void shouldShowTheClosestTrackAndWhatItMisses() {
        Assessment unmet = Assessment.of("PREMIER", DELIVERY,
                measured("A: implementations", 1, "B: implementations", 1, "B: references", 1));

        assertEquals(false, unmet.result().met());
        Gap gap = unmet.gap();
        assertEquals("two and a reference", gap.track(), "one requirement short by 1 of 2 beats one short by 2 of 3");
        assertEquals(List.of("B: implementations"), gap.missing().stream().map(PartResult::rule).toList());
        assertEquals(new BigDecimal("1"), gap.missing().get(0).shortfall());
        assertEquals("closest alternative 'two and a reference': B: implementations, 1 missing", gap.summary());
        assertEquals("any-of", gap.comparison());
    }

    @Test
    void shouldPreferTheTrackWithFewerUnmetRequirements() {
        Assessment unmet = Assessment.of("PREMIER", DELIVERY,
                measured("A: implementations", 0, "B: implementations", 1, "B: references", 0));

        assertEquals("three", unmet.gap().track());
    }

    @Test
    void shouldCountTooManyForAtMost() {
        Criterion.Threshold escalations = new Criterion.Threshold("escalations", "Open escalations",
                new Requirement.AtMost(new BigDecimal("2")), "Escalations", AT);

        Gap gap = Assessment.of("ELITE", escalations, measured("Escalations", new BigDecimal("4"))).gap();
        assertEquals(new BigDecimal("2"), gap.shortfall());
        assertEquals("2 too many", gap.summary());
        assertEquals("at-most", gap.comparison());
        assertNull(Assessment.of("ELITE", escalations, measured("Escalations", new BigDecimal("2"))).gap(),
                "exactly at the limit is met");
    }

    @Test
    void shouldLeaveAnAtMostWithNothingMeasuredUnmet() {
        Criterion.Threshold escalations = new Criterion.Threshold("escalations", "Open escalations",
                new Requirement.AtMost(new BigDecimal("2")), "Escalations", AT);

        Gap gap = Assessment.of("ELITE", escalations, measured("Escalations", null)).gap();
        assertNull(gap.shortfall());
        assertEquals("nothing measured yet", gap.summary());
    }

    @Test
    void shouldScoreEachPathAndCountTheBetterOne() {
        Criterion.Score score = new Criterion.Score("score", "Score", new BigDecimal("30"), 1, "bar", List.of(
                new Criterion.Path("A", List.of(component("a1", 20, "4"), component("a2", 20, "2"))),
                new Criterion.Path("B", List.of(component("b1", 20, "10"), component("b2", 20, "10")))), AT);

        Assessment assessed = Assessment.of("T", score, measured("a1", 1, "a2", 0, "b1", 10, "b2", 1));

        assertEquals(List.of(5, 22), assessed.result().paths().stream().map(PathScore::score).toList());
        assertEquals(List.of(false, true), assessed.result().paths().stream().map(PathScore::counts).toList());
        Gap gap = assessed.gap();
        assertEquals("B", gap.path());
        assertEquals(new BigDecimal("8"), gap.shortfall());
        assertEquals(List.of(), gap.belowMinimum());
        assertEquals(List.of(new PointsToAdd("b2", BigDecimal.ONE, 2)), gap.toAdd(), "b1 is at its maximum");
    }

    private static Criterion.Component component(String id, int maxPoints, String target) {
        return new Criterion.Component(id, id, maxPoints, new BigDecimal(target), AT);
    }
}
