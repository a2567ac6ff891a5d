package io.partnertiers.rules;

import java.util.List;

/** One tier as {@code program.yaml} declares it. */
public record TierDescriptor(String id, String name, List<String> entitlements) {

    public TierDescriptor {
        entitlements = entitlements == null ? List.of() : List.copyOf(entitlements);
    }
}
