package io.partnertiers.evaluation;

/** An evaluation's answer: given at once when it is not recorded, once its decision is on disk when it is. */
@FunctionalInterface
public interface PendingAnswer {

    /**
     * @throws io.partnertiers.audit.DecisionLogUnavailableException if the decision could not be
     *         stored in time
     */
    Answer await();
}
