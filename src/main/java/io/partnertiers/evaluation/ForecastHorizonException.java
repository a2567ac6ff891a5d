package io.partnertiers.evaluation;

/**
 * A forecast horizon that is not a positive period ending at most {@link Forecast#MAX_HORIZON} after asOf, or
 * one whose forecast would cost more evaluations than a request may.
 */
public class ForecastHorizonException extends RuntimeException {

    public ForecastHorizonException(String message) {
        super(message);
    }
}
