package io.partnertiers.api;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document, the body of every 4xx and 5xx answer, and the answer line of a
 * batch line that cannot be evaluated. {@code errors} lists each offending field of the request by
 * its path, e.g. {@code partner.people[0].certifications[1].earnedOn}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "An RFC 9457 problem: the body of every 4xx and 5xx answer, and a batch's answer line for a line"
        + " that cannot be evaluated")
public record Problem(
        @Schema(required = true, description = "always about:blank: the status says what kind of problem it is")
        String type,
        @Schema(required = true, description = "The status's reason phrase")
        String title,
        @Schema(required = true)
        int status,
        @Schema(required = true, description = "What is wrong, for a person to read")
        String detail,
        @Schema(description = "The path that was requested")
        String instance,
        @Schema(description = "In an answer line of a batch (NDJSON): the line of the request body this problem is about,"
                + " counted from 1")
        Integer line,
        @Schema(description = "Each offending field or parameter of the request; absent when the problem is not one of input")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(
            @Schema(required = true, description = "The field's path in the body (partner.people[0].earnedOn), or the parameter's name")
            String field,
            @Schema(required = true)
            String message) {
    }

    static Problem of(Response.Status status, String detail, String instance, List<FieldError> errors) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, instance, null, errors);
    }

    /** The same problem, about one line of a batch body. */
    Problem atLine(int number) {
        return new Problem(type, title, status, detail, instance, number, errors);
    }

    Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
