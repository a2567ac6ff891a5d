package io.partnertiers.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnertiers.evaluation.EvaluationResult;
import io.partnertiers.evaluation.EvaluationService;

@Path("/programs/{programId}/evaluations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations")
public class EvaluationResource {

    private final EvaluationService evaluations;

    EvaluationResource(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @POST
    @Operation(summary = "Evaluate one partner: the tier reached, and the gaps to the next one")
    public EvaluationResult evaluate(@PathParam("programId") String programId,
            @NotNull @Valid EvaluationRequest request) {
        return evaluations.evaluate(programId, request.partner(), request.asOf());
    }
}
