package io.partnertiers.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A body declared larger than {@code partner-tiers.limits.max-body-size} is refused before it is
 * read, with a problem+json naming the limit (the HTTP layer's own 413 has an empty body). A body
 * sent with no length declared (in chunks, or over HTTP/2) is gathered here up to the limit, so that
 * one growing past it fails the route with a 413 that {@link HttpRejections} answers as a problem;
 * left to the resource, it would be cut off mid-read with an empty 413. A batch body is the
 * exception: it is read as a stream, and {@link BatchEvaluator} bounds each of its lines instead.
 */
@ApplicationScoped
class BodySizeLimit {

    static long limit() {
        return ConfigProvider.getConfig().getValue("partner-tiers.limits.max-body-size", MemorySize.class).asLongValue();
    }

    void install(@Observes Router router) {
        long limit = limit();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > limit
                    && !isBatch(context)) {
                HttpRejections.answer(context, 413, "The body has " + declared + " bytes; at most " + limit + " are accepted");
                return;
            }
            context.next();
        });
        BodyHandler gather = BodyHandler.create(false).setBodyLimit(limit);
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            if (context.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null
                    && (context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                            || context.request().version() == HttpVersion.HTTP_2)
                    && !isBatch(context)) {
                gather.handle(context);
            } else {
                context.next();
            }
        });
    }

    private static boolean isBatch(RoutingContext context) {
        return BatchEvaluationResource.isBatchPath(context.request().path());
    }
}
