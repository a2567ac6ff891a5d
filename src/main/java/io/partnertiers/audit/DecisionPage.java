package io.partnertiers.audit;

import java.util.List;

/** One page of a partner's decisions, newest first. */
public record DecisionPage(List<DecisionSummary> items, int page, int size, long total) {
}
