package io.partnertiers.rules;

/** One criterion of one tier: what is measured, what is required, and the rule that measures it. */
public record Criterion(String id, String description, Requirement requirement, String ruleName, SourcePosition source) {
}
