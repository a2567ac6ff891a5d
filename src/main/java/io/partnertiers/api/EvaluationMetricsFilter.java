package io.partnertiers.api;

import java.time.Duration;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.partnertiers.evaluation.Answer;
import io.partnertiers.metrics.EvaluationMetrics;
import io.partnertiers.rules.RulesetRegistry;

/** Counts and times every evaluation request, whatever its answer: ok, bad input (4xx) or error (5xx). */
public class EvaluationMetricsFilter {

    private static final String STARTED = EvaluationMetricsFilter.class.getName() + ".started";

    private final EvaluationMetrics metrics;
    private final RulesetRegistry registry;

    EvaluationMetricsFilter(EvaluationMetrics metrics, RulesetRegistry registry) {
        this.metrics = metrics;
        this.registry = registry;
    }

    @ServerRequestFilter
    public void started(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource.getResourceClass() == EvaluationResource.class) {
            request.setProperty(STARTED, System.nanoTime());
        }
    }

    @ServerResponseFilter
    public void answered(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        String program = request.getUriInfo().getPathParameters().getFirst("programId");
        String tag = program != null && registry.find(program).isPresent() ? program : EvaluationMetrics.UNKNOWN;
        EvaluationMetrics.Outcome outcome = EvaluationMetrics.Outcome.ofStatus(response.getStatus());
        String segment = response.getEntity() instanceof Answer answer ? answer.result().segment() : null;
        metrics.evaluated(tag, segment, outcome, Duration.ofNanos(System.nanoTime() - started));
    }
}
