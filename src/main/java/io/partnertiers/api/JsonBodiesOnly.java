package io.partnertiers.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An endpoint that reads JSON takes it only as {@code application/json} in UTF-8 (RFC 8259): with
 * no Content-Type, an empty one, {@code *}{@code /*} or {@code charset=bogus} the framework would
 * read the body as JSON all the same. Anything else is a 415 problem.
 */
class JsonBodiesOnly {

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Consumes consumes = resource.getResourceMethod().getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        if (consumes == null || !java.util.List.of(consumes.value()).contains(MediaType.APPLICATION_JSON)) {
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
        if (type == null || !type.getType().equalsIgnoreCase("application") || !type.getSubtype().equalsIgnoreCase("json")
                || charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new NotSupportedException("The body must be sent as Content-Type: application/json (UTF-8); got "
                    + (declared == null ? "none" : "'" + ProblemMappers.printable(declared) + "'"));
        }
    }
}
