package io.partnertiers.api;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Requests the HTTP layer refuses before any resource sees them get a problem+json, where Vert.x
 * and Quarkus would answer an empty body (a chunked body past the size limit) or Quarkus' own JSON
 * with an error id and an ERROR log (no Host header, or one that is not a host).
 * Refused by the HTTP codec itself, before any handler runs, and answered with an empty body:
 * a request line past 8 KB (414), headers past 16 KB (431), a malformed request line, header or
 * Content-Length (400); see README, Limits.
 */
@ApplicationScoped
class HttpRejections {

    /**
     * Quarkus answers a URI that is not one ({@code %ZZ}) with an empty 400 before the router, unless
     * the system property {@code vertx.disableURIValidation=true} (set by Main, and by the pom for the
     * tests) leaves the same check ({@link URI}'s) to the route below. Without it, Quarkus' 400 stays.
     */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(HttpRejections::refused);
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            try {
                new URI(context.request().uri());
            } catch (URISyntaxException e) {
                answer(context, 400, "The request's path or query is not a valid URI: "
                        + ProblemMappers.printable(e.getMessage()));
                return;
            }
            context.next();
        });
    }

    /** A route failed with a 4xx status (a 5xx is left to the mappers and Quarkus, which log it). */
    private static void refused(RoutingContext context) {
        int status = context.statusCode();
        if (status < 400 || status >= 500 || context.response().headWritten()) {
            context.next();
            return;
        }
        String detail = switch (status) {
            case 413 -> "The body is larger than the " + BodySizeLimit.limit() + " bytes accepted";
            case 400 -> context.request().authority() == null
                    ? "The request has no Host header, or one that is not a host name and port"
                    : "The request cannot be read";
            default -> HttpResponseStatus.valueOf(status).reasonPhrase();
        };
        answer(context, status, detail);
    }

    /** Ends the exchange with a problem and closes the connection, whose rest may be unread. */
    static void answer(RoutingContext context, int status, String detail) {
        // RFC 9110's name for 413, as the problem for a declared length says
        String title = status == 413 ? "Content Too Large" : HttpResponseStatus.valueOf(status).reasonPhrase();
        JsonObject problem = new JsonObject().put("type", "about:blank").put("title", title).put("status", status).put("detail", detail);
        String path = context.request().path();
        if (path != null) {
            problem.put("instance", path.replaceAll("[^A-Za-z0-9/._-]", ""));
        }
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(problem.encode());
    }
}
