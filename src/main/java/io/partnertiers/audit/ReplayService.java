package io.partnertiers.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.partnertiers.evaluation.EvaluationResult;
import io.partnertiers.evaluation.EvaluationService;

/** Re-evaluates a recorded decision's facts with the current rules; nothing is stored. */
@ApplicationScoped
public class ReplayService {

    private final DecisionLog log;
    private final EvaluationService evaluations;
    private final ObjectMapper json;

    ReplayService(DecisionLog log, EvaluationService evaluations, ObjectMapper json) {
        this.log = log;
        this.evaluations = evaluations;
        this.json = json;
    }

    public Replay replay(String evaluationId) {
        StoredDecision stored = log.find(evaluationId);
        EvaluationResult result = evaluations.evaluate(stored.program(), log.factsOf(stored), stored.asOf(), false, false);
        JsonNode current = asStoredJson(result);
        List<Replay.CriterionChange> changes = criterionChanges(stored.answer(), current);
        boolean same = changes.isEmpty() && Objects.equals(stored.segment(), result.segment());
        return new Replay(evaluationId, same, stored.segment(), result.segment(), stored.rulesetVersion(),
                result.rulesetVersion(), changes, stored.answer(), current);
    }

    /** The answer written and read back as the stored one was, so that both compare value for value. */
    private JsonNode asStoredJson(EvaluationResult result) {
        try {
            return json.readTree(json.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an evaluation result as JSON", e);
        }
    }

    private static List<Replay.CriterionChange> criterionChanges(JsonNode before, JsonNode after) {
        Map<String, JsonNode> old = criteriaByKey(before);
        Map<String, JsonNode> now = criteriaByKey(after);
        List<Replay.CriterionChange> changes = new ArrayList<>();
        for (String key : union(old, now)) {
            JsonNode was = old.getOrDefault(key, MissingNode.getInstance());
            JsonNode is = now.getOrDefault(key, MissingNode.getInstance());
            if (!was.equals(is)) {
                String[] tierAndCriterion = key.split("/", 2);
                changes.add(new Replay.CriterionChange(tierAndCriterion[0], tierAndCriterion[1],
                        was.isMissingNode() ? null : was, is.isMissingNode() ? null : is));
            }
        }
        return changes;
    }

    private static Map<String, JsonNode> criteriaByKey(JsonNode answer) {
        Map<String, JsonNode> criteria = new LinkedHashMap<>();
        for (JsonNode tier : answer.path("tiers")) {
            for (JsonNode criterion : tier.path("criteria")) {
                criteria.put(tier.path("tier").asText() + "/" + criterion.path("criterion").asText(), criterion);
            }
        }
        return criteria;
    }

    private static List<String> union(Map<String, JsonNode> a, Map<String, JsonNode> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
        return keys;
    }
}
