package io.partnertiers.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnertiers.evaluation.EvaluationResult;
import io.partnertiers.evaluation.EvaluationService;
import io.partnertiers.security.Roles;

@Path("/programs/{programId}/evaluations")
@RolesAllowed(Roles.EVALUATOR)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations", description = "Evaluate a partner's facts against a program's tier rules")
public class EvaluationResource {

    private final EvaluationService evaluations;

    EvaluationResource(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @POST
    @Operation(operationId = "evaluatePartner", summary = "Evaluate one partner: the tier reached, and the gaps to the next one",
            description = "Unless the body says \"record\": false, the decision is stored before it is answered: an answer"
                    + " with an evaluationId is on disk.")
    @APIResponse(responseCode = "200", description = "The decision: segment, next segment, gaps and every tier's criteria")
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid facts; each offending field is listed")
    @APIResponse(responseCode = "404", description = "No program with this id is loaded")
    @APIResponse(responseCode = "415", description = "The body is not sent as application/json")
    @APIResponse(responseCode = "503", description = "The decision could not be stored (record: true); nothing was recorded")
    public EvaluationResult evaluate(@PathParam("programId") String programId,
            @Parameter(description = "Add, per tier, the rules that fired and the facts each criterion counted")
            @Schema(type = SchemaType.BOOLEAN, defaultValue = "false") @QueryParam("explain") String explain,
            @NotNull @Valid EvaluationRequest body) {
        return evaluations.evaluate(programId, body.partner(), body.asOf(), !Boolean.FALSE.equals(body.record()),
                Parameters.flag("explain", explain));
    }
}
