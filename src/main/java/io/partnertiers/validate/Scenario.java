package io.partnertiers.validate;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnertiers.facts.PartnerFacts;

/**
 * One named case of a program's scenario file: facts, a day, and what the answer must say.
 *
 * @param file the scenario file, relative to the rules folder
 * @param expect the {@code expect:} object as written: {@code segment}, {@code nextSegment},
 *        and optionally {@code gaps} and {@code entitlements}
 */
public record Scenario(String program, String file, int line, String name, LocalDate asOf, PartnerFacts partner,
        JsonNode expect) {

    public String where() {
        return file + ":" + line;
    }
}
