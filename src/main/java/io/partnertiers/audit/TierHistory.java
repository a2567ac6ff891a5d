package io.partnertiers.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Derives a partner's promotions and demotions from its decisions in one program. */
public final class TierHistory {

    private TierHistory() {
    }

    /**
     * @param decisions oldest {@code asOf} first
     * @param tierOrder the program's tier ids, lowest first; a segment of null ranks below them all
     */
    public static List<TierChange> changes(List<DecisionSummary> decisions, List<String> tierOrder) {
        List<TierChange> changes = new ArrayList<>();
        String previous = null;
        for (DecisionSummary decision : decisions) {
            String current = decision.segment();
            if (!Objects.equals(previous, current)) {
                TierChange.Direction direction = rank(current, tierOrder) > rank(previous, tierOrder)
                        ? TierChange.Direction.PROMOTION
                        : TierChange.Direction.DEMOTION;
                changes.add(new TierChange(decision.asOf(), previous, current, direction, decision.rulesetVersion(),
                        decision.evaluationId()));
            }
            previous = current;
        }
        return changes;
    }

    private static int rank(String segment, List<String> tierOrder) {
        return segment == null ? -1 : tierOrder.indexOf(segment);
    }
}
