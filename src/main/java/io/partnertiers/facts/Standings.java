package io.partnertiers.facts;

/**
 * How the partner stands in other programs, for criteria that reuse another program's tiers
 * instead of copying its thresholds (cisco-adopt-incentive needs the cisco-cx specialization).
 */
@FunctionalInterface
public interface Standings {

    /** No other program is consulted: any reference to one is an error. */
    Standings NONE = (program, tier) -> {
        throw new IllegalStateException("No other program can be consulted here (asked for " + program + ")");
    };

    /** Whether the partner, with the same facts on the same day, reaches {@code tier} of {@code program}. */
    boolean reaches(String program, String tier);
}
