package io.partnertiers.api;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads and checks the body of an evaluation (a single call's, a batch line's) from its bytes,
 * noting where its partner's JSON lies ({@link SubmittedPartner}) so that a recorded decision keeps
 * the facts exactly as submitted. A body that is not a valid request fails as the single call has
 * always answered it: Jackson's exceptions for what cannot be read, a
 * {@link ConstraintViolationException} for what breaks a constraint (an empty body or {@code null}
 * is a missing {@code body}).
 */
@ApplicationScoped
public class EvaluationRequests {

    /** A valid request and the body it was read from. */
    public record Read(EvaluationRequest request, byte[] body, int partnerStart, int partnerEnd) {

        /** Whether the decision is stored: unless the body says {@code "record": false}. */
        public boolean record() {
            return !Boolean.FALSE.equals(request.record());
        }

        /** The partner's JSON exactly as submitted (a copy) when the decision is stored; null when it is not. */
        public byte[] recordedPartnerJson() {
            return record() && partnerStart >= 0 ? Arrays.copyOfRange(body, partnerStart, partnerEnd) : null;
        }
    }

    /** What an absent body breaks: the violation is named "body", as the single call has always named it. */
    private record Body(@NotNull EvaluationRequest body) {
    }

    private final ObjectReader reader;
    private final Validator validator;

    EvaluationRequests(ObjectMapper json, Validator validator) {
        this.reader = json.readerFor(EvaluationRequest.class);
        this.validator = validator;
    }

    /**
     * @throws IOException when the bytes are not a readable request (Jackson's exceptions)
     * @throws ConstraintViolationException when the request breaks a constraint
     */
    public Read read(byte[] body) throws IOException {
        SubmittedPartner.Span span = new SubmittedPartner.Span();
        EvaluationRequest request = isBlank(body) ? null : reader.withAttribute(SubmittedPartner.Span.class, span).readValue(body);
        Set<? extends ConstraintViolation<?>> violations = request == null ? validator.validate(new Body(null))
                : validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return new Read(request, body, (int) span.start, (int) span.end);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
