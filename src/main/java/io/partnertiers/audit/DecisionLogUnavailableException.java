package io.partnertiers.audit;

/** The decision could not be stored, so the service must not claim it was. */
public class DecisionLogUnavailableException extends RuntimeException {

    public DecisionLogUnavailableException(Throwable cause) {
        super("The decision log is unavailable; the decision was not recorded", cause);
    }
}
