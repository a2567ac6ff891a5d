package io.partnertiers.bench;

import java.io.IOException;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.partnertiers.api.EvaluationRequests;
import io.partnertiers.rules.PartnerTiersConfig;
import io.partnertiers.security.Roles;

/**
 * The benchmark floor: binds and validates an evaluation request exactly as the real endpoint
 * does, then answers a constant. Evaluate throughput divided by this one is what the rules
 * engine costs on top of HTTP and JSON. Off unless {@code partner-tiers.bench.floor-enabled=true}.
 */
@Path("/bench/floor/{programId}/evaluations")
@RolesAllowed(Roles.EVALUATOR)
public class FloorResource {

    private static final Map<String, String> CONSTANT = Map.of("segment", "FLOOR");

    private final boolean enabled;
    private final EvaluationRequests requests;

    FloorResource(PartnerTiersConfig config, EvaluationRequests requests) {
        this.enabled = config.bench().floorEnabled();
        this.requests = requests;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, String> floor(@PathParam("programId") String programId, byte[] body) throws IOException {
        if (!enabled) {
            throw new NotFoundException();
        }
        requests.read(body);
        return CONSTANT;
    }
}
