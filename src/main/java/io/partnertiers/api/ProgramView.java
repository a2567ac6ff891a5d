package io.partnertiers.api;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.partnertiers.rules.Criterion;
import io.partnertiers.rules.Ruleset;

/** A loaded program as {@code GET /programs/{programId}} shows it: tiers, criteria and required values. */
public record ProgramView(String id, String name, String rulesetVersion, List<TierView> tiers) {

    public record TierView(String id, String name, List<String> entitlements, List<CriterionView> criteria) {
    }

    public record CriterionView(
            String criterion,
            String description,
            @Schema(description = "A number (at least this much; at most for at-most; the points a score needs) or"
                    + " true (must hold; also for any-of)", anyOf = {BigDecimal.class, Boolean.class})
            Object required,
            @Schema(enumeration = {"at-least", "at-most", "must-hold", "any-of", "score"})
            String comparison,
            @Schema(description = "Any-of criteria: the alternatives, any one of which meets the criterion")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<TrackView> tracks,
            @Schema(description = "Score criteria: the points each component of each path can earn")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<PathView> paths,
            @Schema(description = "Score criteria: the points every component of the path that counts must earn")
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer minimumPoints) {
    }

    public record TrackView(String track, List<PartView> parts) {
    }

    public record PartView(
            String rule,
            @Schema(enumeration = {"at-least", "at-most", "must-hold"}) String comparison,
            @Schema(anyOf = {BigDecimal.class, Boolean.class}) Object required) {
    }

    public record PathView(String path, List<ComponentView> components) {
    }

    public record ComponentView(String component, int maxPoints, BigDecimal target) {
    }

    static ProgramView of(Ruleset ruleset) {
        return new ProgramView(ruleset.id(), ruleset.name(), ruleset.version(), ruleset.tiers().stream()
                .map(t -> new TierView(t.id(), t.name(), t.entitlements(),
                        t.criteria().stream().map(ProgramView::criterion).toList()))
                .toList());
    }

    private static CriterionView criterion(Criterion criterion) {
        if (criterion instanceof Criterion.Threshold threshold) {
            return new CriterionView(threshold.id(), threshold.description(), threshold.requirement().value(),
                    threshold.requirement().comparison(), null, null, null);
        }
        if (criterion instanceof Criterion.AnyOf anyOf) {
            return new CriterionView(anyOf.id(), anyOf.description(), true, "any-of", anyOf.tracks().stream()
                    .map(track -> new TrackView(track.name(), track.parts().stream()
                            .map(p -> new PartView(p.ruleName(), p.requirement().comparison(), p.requirement().value()))
                            .toList()))
                    .toList(), null, null);
        }
        Criterion.Score score = (Criterion.Score) criterion;
        return new CriterionView(score.id(), score.description(), score.bar(), "score", null, score.paths().stream()
                .map(path -> new PathView(path.name(), path.components().stream()
                        .map(c -> new ComponentView(c.id(), c.maxPoints(), c.target())).toList()))
                .toList(), score.minimumPoints());
    }
}
