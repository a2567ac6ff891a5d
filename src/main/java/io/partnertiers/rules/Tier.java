package io.partnertiers.rules;

import java.util.List;

/** A tier of a program with its criteria, in the order the rules declare them. */
public record Tier(String id, String name, List<String> entitlements, List<Criterion> criteria) {
}
