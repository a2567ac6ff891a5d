package io.partnertiers.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

/**
 * One criterion of one tier and how it is decided: by one rule's threshold, by any one of several
 * alternative tracks, or by a score of capped points from several components.
 */
public sealed interface Criterion {

    String id();

    String description();

    /** Where the criterion's first rule is declared. */
    SourcePosition source();

    /** Every rule that measures something for this criterion, in source order. */
    List<String> ruleNames();

    /** "At least N", "at most N" or "must hold", decided by one rule. */
    record Threshold(String id, String description, Requirement requirement, String ruleName, SourcePosition source)
            implements Criterion {

        @Override
        public List<String> ruleNames() {
            return List.of(ruleName);
        }
    }

    /** Met when every part of at least one track is met ({@code @track}). */
    record AnyOf(String id, String description, List<Track> tracks, SourcePosition source) implements Criterion {

        public AnyOf {
            tracks = List.copyOf(tracks);
        }

        @Override
        public List<String> ruleNames() {
            return tracks.stream().flatMap(t -> t.parts().stream()).map(Part::ruleName).toList();
        }
    }

    /** One alternative of an {@link AnyOf}: all of its parts must be met. */
    record Track(String name, List<Part> parts) {

        public Track {
            parts = List.copyOf(parts);
        }
    }

    /** One measured threshold of a track. */
    record Part(String ruleName, Requirement requirement, SourcePosition source) {
    }

    /**
     * A total of capped points: each component earns {@code floor(maxPoints × min(actual, target) / target)};
     * a path's score is the sum of its components; the criterion is met when some path scores at
     * least the bar with every component at {@code minimumPoints} or more.
     */
    record Score(String id, String description, BigDecimal bar, int minimumPoints, String barRule, List<Path> paths,
            SourcePosition source) implements Criterion {

        public Score {
            paths = List.copyOf(paths);
        }

        @Override
        public List<String> ruleNames() {
            return Stream.concat(paths.stream().flatMap(p -> p.components().stream()).map(Component::ruleName),
                    Stream.of(barRule)).toList();
        }
    }

    /** One way of scoring ({@code @path}), with its components in source order. */
    record Path(String name, List<Component> components) {

        public Path {
            components = List.copyOf(components);
        }
    }

    /** One scored measure of a path ({@code @component}, {@code @maxPoints}, {@code @target}). */
    record Component(String id, String ruleName, int maxPoints, BigDecimal target, SourcePosition source) {
    }
}
