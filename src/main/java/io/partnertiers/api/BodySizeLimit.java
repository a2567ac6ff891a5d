package io.partnertiers.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} is refused before it is
 * read, with a problem+json naming the limit (the HTTP layer's own 413 has an empty body). A
 * body that is sent in chunks and grows past the limit is still cut off by the HTTP layer.
 */
@ApplicationScoped
class BodySizeLimit {

    void install(@Observes Router router) {
        long limit = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > limit) {
                context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":"
                                + "\"The body has " + declared + " bytes; at most " + limit + " are accepted\",\"instance\":"
                                + "\"" + context.normalizedPath().replaceAll("[^A-Za-z0-9/._-]", "") + "\"}");
                return;
            }
            context.next();
        });
    }
}
