package io.partnertiers.audit;

/** No recorded decision has this id (it never existed, or retention purged it). */
public class DecisionNotFoundException extends RuntimeException {

    public DecisionNotFoundException(String evaluationId) {
        super("No recorded evaluation '" + evaluationId + "'");
    }
}
