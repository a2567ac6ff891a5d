package io.partnertiers.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} is refused before it is
 * read, with a problem+json naming the limit (the HTTP layer's own 413 has an empty body). A body
 * sent in chunks, with no length declared, is gathered here up to the limit, so that one growing
 * past it fails the route with a 413 that {@link HttpRejections} answers as a problem; left to the
 * resource, it would be cut off mid-read with an empty 413.
 */
@ApplicationScoped
class BodySizeLimit {

    static long limit() {
        return ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class).asLongValue();
    }

    void install(@Observes Router router) {
        long limit = limit();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > limit) {
                HttpRejections.answer(context, 413, "The body has " + declared + " bytes; at most " + limit + " are accepted");
                return;
            }
            context.next();
        });
        BodyHandler gather = BodyHandler.create(false).setBodyLimit(limit);
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            if (context.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null
                    && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                gather.handle(context);
            } else {
                context.next();
            }
        });
    }
}
