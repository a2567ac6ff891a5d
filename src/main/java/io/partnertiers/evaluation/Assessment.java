package io.partnertiers.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.partnertiers.measures.CappedPoints;
import io.partnertiers.rules.Criterion;
import io.partnertiers.rules.Measured;
import io.partnertiers.rules.Requirement;

/**
 * How a partner fares on one criterion, from what its rules measured: the result shown in the
 * ladder and, when unmet, the gap. One method per kind of criterion.
 */
record Assessment(CriterionResult result, Gap gap) {

    static Assessment of(String tier, Criterion criterion, Scorecard scorecard) {
        if (criterion instanceof Criterion.Threshold threshold) {
            return threshold(tier, threshold, scorecard);
        }
        if (criterion instanceof Criterion.AnyOf anyOf) {
            return anyOf(tier, anyOf, scorecard);
        }
        return score(tier, (Criterion.Score) criterion, scorecard);
    }

    private static Assessment threshold(String tier, Criterion.Threshold criterion, Scorecard scorecard) {
        PartResult part = part(criterion.ruleName(), criterion.requirement(), scorecard);
        CriterionResult result = new CriterionResult(criterion.id(), criterion.description(), part.required(),
                part.actual(), part.met(), part.comparison(), null, null);
        return new Assessment(result, part.met() ? null : new Gap(tier, criterion.id(), criterion.description(),
                part.required(), part.actual(), part.shortfall(), part.comparison(), summary(part), null, null, null,
                null, null));
    }

    private static PartResult part(String rule, Requirement requirement, Scorecard scorecard) {
        Object actual = Measured.normalise(scorecard.actualOf(rule));
        boolean met = scorecard.hasMeasured(rule) && requirement.isMetBy(actual);
        return new PartResult(rule, requirement.comparison(), requirement.value(), actual, met,
                met ? null : requirement.shortfall(actual));
    }

    private static String summary(PartResult part) {
        if (part.actual() == null) {
            return "nothing measured yet";
        }
        if (part.shortfall() == null) {
            return "does not hold";
        }
        String amount = part.shortfall().stripTrailingZeros().toPlainString();
        return part.comparison().equals("at-most") ? amount + " too many" : amount + " missing";
    }

    // --- any of several tracks ----------------------------------------------------------------

    private static Assessment anyOf(String tier, Criterion.AnyOf criterion, Scorecard scorecard) {
        List<TrackResult> tracks = new ArrayList<>();
        for (Criterion.Track track : criterion.tracks()) {
            List<PartResult> parts = track.parts().stream()
                    .map(p -> part(p.ruleName(), p.requirement(), scorecard)).toList();
            tracks.add(new TrackResult(track.name(), parts.stream().allMatch(PartResult::met), parts));
        }
        boolean met = tracks.stream().anyMatch(TrackResult::met);
        CriterionResult result = new CriterionResult(criterion.id(), criterion.description(), true, met, met, "any-of",
                tracks, null);
        if (met) {
            return new Assessment(result, null);
        }
        TrackResult closest = tracks.stream().min(Comparator.comparingInt(Assessment::unmetParts)
                .thenComparing(Assessment::relativeShortfall)).orElseThrow();
        List<PartResult> missing = closest.parts().stream().filter(p -> !p.met()).toList();
        String summary = "closest alternative '" + closest.track() + "': "
                + String.join("; ", missing.stream().map(p -> p.rule() + ", " + summary(p)).toList());
        return new Assessment(result, new Gap(tier, criterion.id(), criterion.description(), true, false, null, "any-of",
                summary, closest.track(), missing, null, null, null));
    }

    private static int unmetParts(TrackResult track) {
        return (int) track.parts().stream().filter(p -> !p.met()).count();
    }

    /** The sum over unmet parts of shortfall / required: 1 for a part with nothing measured or a yes/no. */
    private static BigDecimal relativeShortfall(TrackResult track) {
        BigDecimal sum = BigDecimal.ZERO;
        for (PartResult part : track.parts()) {
            if (part.met()) {
                continue;
            }
            BigDecimal required = Measured.asNumber(part.required());
            sum = sum.add(part.shortfall() == null || required == null || required.signum() == 0 ? BigDecimal.ONE
                    : part.shortfall().divide(required, 6, RoundingMode.HALF_UP));
        }
        return sum;
    }

    // --- capped points on several paths -------------------------------------------------------

    private static Assessment score(String tier, Criterion.Score criterion, Scorecard scorecard) {
        List<PathScore> scored = new ArrayList<>();
        for (Criterion.Path path : criterion.paths()) {
            List<ComponentPoints> components = new ArrayList<>();
            for (Criterion.Component component : path.components()) {
                BigDecimal actual = Measured.asNumber(Measured.normalise(scorecard.actualOf(component.ruleName())));
                components.add(new ComponentPoints(component.id(), actual, component.target(), component.maxPoints(),
                        CappedPoints.of(component.maxPoints(), component.target(), actual)));
            }
            int score = components.stream().mapToInt(ComponentPoints::points).sum();
            boolean met = BigDecimal.valueOf(score).compareTo(criterion.bar()) >= 0
                    && components.stream().allMatch(c -> c.points() >= criterion.minimumPoints());
            scored.add(new PathScore(path.name(), score, false, met, List.copyOf(components)));
        }
        PathScore counting = scored.stream()
                .max(Comparator.comparing(PathScore::met).thenComparingInt(PathScore::score)
                        .thenComparing(p -> -scored.indexOf(p)))
                .orElseThrow();
        List<PathScore> paths = scored.stream().map(p -> p != counting ? p
                : new PathScore(p.path(), p.score(), true, p.met(), p.components())).toList();
        BigDecimal score = BigDecimal.valueOf(counting.score());
        CriterionResult result = new CriterionResult(criterion.id(), criterion.description(), criterion.bar(), score,
                counting.met(), "score", null, paths);
        if (counting.met()) {
            return new Assessment(result, null);
        }
        BigDecimal missing = criterion.bar().subtract(score).max(BigDecimal.ZERO);
        List<PointsToAdd> belowMinimum = counting.components().stream()
                .filter(c -> c.points() < criterion.minimumPoints() && c.points() < c.maxPoints())
                .map(Assessment::nextPoint).toList();
        List<PointsToAdd> toAdd = counting.components().stream().filter(c -> c.points() < c.maxPoints())
                .map(Assessment::nextPoint)
                .sorted(Comparator.comparing((PointsToAdd step) -> BigDecimal.valueOf(step.points())
                        .divide(step.units(), 6, RoundingMode.HALF_UP)).reversed())
                .toList();
        StringBuilder summary = new StringBuilder();
        if (missing.signum() > 0) {
            summary.append(missing.toPlainString()).append(missing.compareTo(BigDecimal.ONE) == 0 ? " point" : " points")
                    .append(" missing on path ").append(counting.path());
        }
        if (!belowMinimum.isEmpty()) {
            summary.append(summary.isEmpty() ? "" : "; ").append("below ").append(criterion.minimumPoints())
                    .append(criterion.minimumPoints() == 1 ? " point" : " points").append(" on path ")
                    .append(counting.path()).append(": ")
                    .append(String.join(", ", belowMinimum.stream().map(PointsToAdd::component).toList()));
        }
        return new Assessment(result, new Gap(tier, criterion.id(), criterion.description(), criterion.bar(), score,
                missing, "score", summary.toString(), null, null, counting.path(), belowMinimum, toAdd));
    }

    private static PointsToAdd nextPoint(ComponentPoints component) {
        BigDecimal actual = component.actual() == null ? BigDecimal.ZERO : component.actual();
        BigDecimal units = CappedPoints.unitsToNextPoint(component.maxPoints(), component.target(), actual);
        int gained = CappedPoints.of(component.maxPoints(), component.target(), actual.add(units)) - component.points();
        return new PointsToAdd(component.component(), units, gained);
    }
}
