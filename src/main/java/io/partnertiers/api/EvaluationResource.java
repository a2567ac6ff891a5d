package io.partnertiers.api;

import java.io.IOException;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnertiers.evaluation.Answer;
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
    private final EvaluationRequests requests;

    EvaluationResource(EvaluationService evaluations, EvaluationRequests requests) {
        this.evaluations = evaluations;
        this.requests = requests;
    }

    @POST
    @Operation(operationId = "evaluatePartner", summary = "Evaluate one partner: the tier reached, and the gaps to the next one",
            description = "Unless the body says \"record\": false, the decision is stored before it is answered: an answer"
                    + " with an evaluationId is on disk. With ?forecast=P180D the answer adds each day within that horizon on"
                    + " which the segment would change if nothing new happened, and why; with a whatIf in the body it adds"
                    + " the answer for the facts with the what-if's added, beside this one. Neither is ever recorded.")
    @APIResponse(responseCode = "200", description = "The decision: segment, next segment, gaps and every tier's criteria",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EvaluationResult.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, invalid facts or what-if, or a forecast horizon that"
            + " is not a positive period of at most P5Y or would take too many evaluations of these facts; each offending"
            + " field or parameter is listed")
    @APIResponse(responseCode = "404", description = "No program with this id is loaded")
    @APIResponse(responseCode = "415", description = "The body is not sent as application/json")
    @APIResponse(responseCode = "503", description = "The decision could not be stored (record: true); nothing was recorded")
    public Answer evaluate(@PathParam("programId") String programId,
            @Parameter(description = "Add, per tier, the rules that fired and the facts each criterion counted")
            @Schema(type = SchemaType.BOOLEAN, defaultValue = "false") @QueryParam("explain") String explain,
            @Parameter(description = "Forecast the segment over this horizon after asOf: a positive ISO-8601 period of"
                    + " years, months, weeks and days (P180D, P6M, P1Y2M) ending at most P5Y after asOf",
                    example = "P180D")
            @Schema(type = SchemaType.STRING) @QueryParam("forecast") String forecast,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EvaluationRequest.class))) byte[] body) throws IOException {
        EvaluationRequests.Read read = requests.read(body);
        EvaluationRequest request = read.request();
        return evaluations.answer(programId, request.partner(), read.recordedPartnerJson(), request.asOf(),
                read.record(), Parameters.flag("explain", explain), Parameters.period("forecast", forecast), request.whatIf());
    }
}
