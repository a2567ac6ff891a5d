package io.partnertiers.evaluation;

/** How a partner fares on one criterion of one tier. {@code actual} is null when nothing could be measured. */
public record CriterionResult(String criterion, String description, Object required, Object actual, boolean met) {
}
