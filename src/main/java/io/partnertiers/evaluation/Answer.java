package io.partnertiers.evaluation;

/**
 * An evaluation's answer, with the JSON it is already written as when that was needed anyway: a recorded
 * decision's answer is written to be stored, and those same bytes can be sent instead of writing it again.
 *
 * @param json {@code result} as JSON, byte for byte what the API's object mapper writes; null when not written yet
 */
public record Answer(EvaluationResult result, byte[] json) {

    public static Answer of(EvaluationResult result) {
        return new Answer(result, null);
    }
}
