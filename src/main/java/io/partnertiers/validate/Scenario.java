package io.partnertiers.validate;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnertiers.evaluation.PriorStanding;
import io.partnertiers.facts.PartnerFacts;

/**
 * One named case of a program's scenario file: facts, a day, and what the answer must say.
 *
 * @param file the scenario file, relative to the rules folder
 * @param previous the standing last recorded, for programs whose policy holds demotions; null when none
 * @param expect the {@code expect:} object as written: {@code segment}, {@code nextSegment},
 *        and optionally {@code gaps}, {@code entitlements}, {@code scores} and {@code atRiskUntil}
 */
public record Scenario(String program, String file, int line, String name, LocalDate asOf, PartnerFacts partner,
        PriorStanding previous, JsonNode expect) {

    public String where() {
        return file + ":" + line;
    }
}
