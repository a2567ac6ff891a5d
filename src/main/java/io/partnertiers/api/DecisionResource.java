package io.partnertiers.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnertiers.audit.DecisionLog;
import io.partnertiers.audit.DecisionNotFoundException;
import io.partnertiers.audit.Replay;
import io.partnertiers.audit.ReplayService;
import io.partnertiers.audit.StoredDecision;
import io.partnertiers.security.Roles;

@Path("/evaluations/{evaluationId}")
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decision log", description = "Recorded decisions, a partner's history and tier changes, and replays with the current rules")
public class DecisionResource {

    private final DecisionLog log;
    private final ReplayService replays;

    DecisionResource(DecisionLog log, ReplayService replays) {
        this.log = log;
        this.replays = replays;
    }

    @GET
    @Operation(operationId = "getDecision", summary = "A recorded decision: the facts as submitted and the answer as given")
    @APIResponse(responseCode = "200", description = "The recorded decision")
    @APIResponse(responseCode = "404", description = "No recorded evaluation has this id")
    @APIResponse(responseCode = "503", description = "The decision log cannot be read now (its database is out of reach)")
    public StoredDecision get(@PathParam("evaluationId") String evaluationId) {
        return log.find(known(evaluationId));
    }

    @POST
    @Path("/replay")
    @Operation(operationId = "replayDecision", summary = "Re-evaluate a recorded decision's facts with the current rules, side by side; nothing is stored")
    @APIResponse(responseCode = "200", description = "Both answers and the criteria that moved")
    @APIResponse(responseCode = "404", description = "No recorded evaluation has this id, or its program is no longer loaded")
    @APIResponse(responseCode = "503", description = "The decision log cannot be read now (its database is out of reach)")
    public Replay replay(@PathParam("evaluationId") String evaluationId) {
        return replays.replay(known(evaluationId));
    }

    private static String known(String evaluationId) {
        if (!Parameters.isEvaluationId(evaluationId)) {
            throw new DecisionNotFoundException(ProblemMappers.printable(evaluationId));
        }
        return evaluationId;
    }
}
