package io.partnertiers.impact;

import java.util.List;
import java.util.Map;

/**
 * What a rules change does to a sample of partners: per program, how many moved from which segment
 * to which, and each partner that moved.
 *
 * @param matrix per program, "before -> after" (segment ids, "none" for no segment) to the number of partners
 * @param skipped lines that are not a valid request or name a program one of the rulesets lacks
 */
public record ImpactReport(String base, String rules, int partners, int changed, int promoted, int demoted,
        Map<String, Map<String, Integer>> matrix, List<PartnerChange> changes, List<SkippedLine> skipped) {

    public record SkippedLine(int line, String reason) {
    }
}
