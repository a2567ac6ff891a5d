package io.partnertiers.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.partnertiers.audit.DecisionLogUnavailableException;
import io.partnertiers.audit.DecisionNotFoundException;
import io.partnertiers.evaluation.ForecastHorizonException;
import io.partnertiers.evaluation.ProgramNotFoundException;
import io.partnertiers.facts.InvalidWhatIfException;
import io.partnertiers.reload.RulesFolderMissingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into an RFC 9457 problem. Bad input is a 400 naming the field; an
 * unexpected failure is a 500 that is logged and tells the caller nothing internal.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /**
     * The problem the single call answers for a failure while reading or evaluating its body: what
     * a batch answers in place for a line that fails the same way.
     */
    static Problem problemOf(Throwable e, String instance) {
        if (e instanceof ProgramNotFoundException notFound) {
            return programNotFound(notFound, instance);
        }
        if (e instanceof DecisionLogUnavailableException unavailable) {
            return decisionLogUnavailable(unavailable, instance);
        }
        if (e instanceof ConstraintViolationException violations) {
            return invalid(violations.getConstraintViolations(), instance);
        }
        JsonProcessingException json = jsonCause(e);
        if (json != null) {
            return unreadable(json, instance);
        }
        return unexpected(e, instance);
    }

    @ServerExceptionMapper
    public Response programNotFound(ProgramNotFoundException e, UriInfo uri) {
        return programNotFound(e, uri.getPath()).toResponse();
    }

    private static Problem programNotFound(ProgramNotFoundException e, String instance) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage(), instance, List.of());
    }

    /** No token (or none that names a caller) on an endpoint that needs a role. */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return challenge("A bearer token is required", "Bearer realm=\"partner-tiers\"", uri);
    }

    /** A token that is malformed, expired, wrongly signed or from another issuer. */
    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e, UriInfo uri) {
        return challenge("The bearer token is not valid: malformed, expired, wrongly signed or from another issuer",
                "Bearer realm=\"partner-tiers\", error=\"invalid_token\"", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(Response.Status.FORBIDDEN, "The token does not grant the role this endpoint needs",
                uri.getPath(), List.of()).toResponse();
    }

    private static Response challenge(String detail, String authenticate, UriInfo uri) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail, uri.getPath(), List.of())
                .toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, authenticate).build();
    }

    @ServerExceptionMapper
    public Response rulesFolderMissing(RulesFolderMissingException e, UriInfo uri) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage(), uri.getPath(), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response decisionNotFound(DecisionNotFoundException e, UriInfo uri) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage(), uri.getPath(), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response decisionLogUnavailable(DecisionLogUnavailableException e, UriInfo uri) {
        logUnavailable(e, uri.getPath());
        return decisionLogUnavailable(e, uri.getPath()).toResponse();
    }

    /** Not logged: a batch logs once for all its lines. */
    private static Problem decisionLogUnavailable(DecisionLogUnavailableException e, String instance) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage(), instance, List.of());
    }

    static void logUnavailable(DecisionLogUnavailableException e, String instance) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        LOG.warnf("Decision log unavailable serving %s: %s", instance, cause.getMessage());
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return Problem.of(Response.Status.BAD_REQUEST, "The request has 1 invalid field(s)", uri.getPath(),
                List.of(new Problem.FieldError(e.parameter(), e.getMessage()))).toResponse();
    }

    @ServerExceptionMapper
    public Response forecastHorizon(ForecastHorizonException e, UriInfo uri) {
        return invalidParameter(new InvalidParameterException("forecast", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response invalidWhatIf(InvalidWhatIfException e, UriInfo uri) {
        return invalidParameter(new InvalidParameterException(e.field(), e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        return invalid(e.getConstraintViolations(), uri.getPath()).toResponse();
    }

    /** The body's invalid fields, each by its path, in the order of their paths. */
    static Problem invalid(Collection<? extends ConstraintViolation<?>> violations, String instance) {
        List<Problem.FieldError> errors = violations.stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.of(Response.Status.BAD_REQUEST, "The request has " + errors.size() + " invalid field(s)",
                instance, errors);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return unreadable(e, uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        JsonProcessingException json = jsonCause(e);
        if (json != null) {
            return unreadable(json, uri.getPath()).toResponse();
        }
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.INTERNAL_SERVER_ERROR;
        }
        String detail = status == Response.Status.NOT_FOUND ? "No resource at " + uri.getPath() : e.getMessage();
        return Problem.of(status, detail, uri.getPath(), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        JsonProcessingException json = jsonCause(e);
        if (json != null) {
            return unreadable(json, uri.getPath()).toResponse();
        }
        return unexpected(e, uri.getPath()).toResponse();
    }

    private static Problem unexpected(Throwable e, String instance) {
        LOG.errorf(e, "Unexpected failure serving %s", instance);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged",
                instance, List.of());
    }

    private static Problem unreadable(JsonProcessingException e, String instance) {
        List<Problem.FieldError> errors = e instanceof JsonMappingException mapping
                && (!mapping.getPath().isEmpty() || mapping instanceof MismatchedInputException)
                        ? List.of(new Problem.FieldError(pathOf(mapping), reasonOf(mapping)))
                        : List.of();
        JsonProcessingException syntax = e.getCause() instanceof JsonParseException parse ? parse : e;
        String detail;
        if (syntax instanceof JsonParseException || syntax instanceof StreamConstraintsException) {
            detail = "The body is not valid JSON" + at(syntax) + ": " + withoutSettingsHint(syntax.getOriginalMessage());
        } else if (errors.isEmpty()) {
            detail = "The body cannot be read" + at(e) + ": " + e.getOriginalMessage();
        } else {
            detail = "The request has 1 invalid field(s)";
        }
        return Problem.of(Response.Status.BAD_REQUEST, detail, instance, errors);
    }

    /** A value echoed back with its control characters made visible, and cut short. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(60).forEach(c -> out.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                ? String.format("\\u%04X", c) : Character.toString(c)));
        return value.length() > 60 ? out + "…" : out.toString();
    }

    /** Jackson's wording may end with a hint about its own settings, which a caller cannot act on. */
    private static String withoutSettingsHint(String message) {
        return message.replaceAll(": enable `.*$", "");
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static JsonProcessingException jsonCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /** {@code partner.people[0].earnedOn}, from Jackson's reference chain. */
    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String reasonOf(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof BoundedJson.OutOfBounds) {
            return e.getOriginalMessage() + (((BoundedJson.OutOfBounds) e).getValue() == null ? ""
                    : " (got '" + printable(String.valueOf(((BoundedJson.OutOfBounds) e).getValue())) + "')");
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        String value = e instanceof InvalidFormatException format ? " (got '" + format.getValue() + "')" : "";
        if (e.getCause() instanceof JsonParseException syntax) {
            return "is not valid JSON: " + withoutSettingsHint(syntax.getOriginalMessage());
        }
        if (target == null) {
            return "cannot be read: " + e.getOriginalMessage();
        }
        if (target == LocalDate.class) {
            return "must be a date yyyy-MM-dd" + value;
        }
        if (target == YearMonth.class) {
            return "must be a month yyyy-MM" + value;
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants()) + value;
        }
        if (Number.class.isAssignableFrom(target)) {
            return (target == Integer.class || target == Long.class ? "must be a whole number" : "must be a finite number")
                    + value;
        }
        if (target == Boolean.class) {
            return "must be true or false" + value;
        }
        if (target == String.class) {
            return "must be a string" + value;
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type" + value;
    }

    /**
     * {@code partner.people[0].certifications[1].expiresOn} for a body field, the parameter's name
     * ({@code size}, or {@code body} for the body itself) when the parameter is what is wrong.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = "body";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable()) {
                Object key = node.getIndex() != null ? node.getIndex() : node.getKey();
                path.append('[').append(key).append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(node.getName());
            }
        }
        return path.isEmpty() ? parameter : path.toString();
    }
}
