package io.partnertiers.evaluation;

import java.util.List;

/** One alternative of an any-of criterion: met when every one of its parts is. */
public record TrackResult(String track, boolean met, List<PartResult> parts) {
}
