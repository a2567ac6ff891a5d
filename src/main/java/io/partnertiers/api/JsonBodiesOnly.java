package io.partnertiers.api;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.partnertiers.ndjson.NdjsonLines;

/**
 * An endpoint that reads JSON takes it only as {@code application/json} in UTF-8 (RFC 8259), and a
 * batch only as {@code application/x-ndjson} in UTF-8: with no Content-Type, an empty one,
 * {@code *}{@code /*} or {@code charset=bogus} the framework would read the body all the same.
 * Anything else is a 415 problem.
 */
class JsonBodiesOnly {

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Consumes consumes = resource.getResourceMethod().getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        List<String> accepted = consumes == null ? List.of() : List.of(consumes.value());
        MediaType expected = accepted.contains(MediaType.APPLICATION_JSON) ? MediaType.APPLICATION_JSON_TYPE
                : accepted.contains(NdjsonLines.MEDIA_TYPE) ? MediaType.valueOf(NdjsonLines.MEDIA_TYPE)
                : null;
        if (expected == null) {
            return;
        }
        String declared = request.getHeaderString("Content-Type");
        MediaType type;
        try {
            type = declared == null || declared.isBlank() ? null : MediaType.valueOf(declared);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (type == null || !type.getType().equalsIgnoreCase(expected.getType())
                || !type.getSubtype().equalsIgnoreCase(expected.getSubtype())
                || charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new NotSupportedException("The body must be sent as Content-Type: " + expected + " (UTF-8); got "
                    + (declared == null ? "none" : "'" + ProblemMappers.printable(declared) + "'"));
        }
    }
}
