package io.partnertiers.api;

import java.io.InputStream;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnertiers.ndjson.NdjsonLines;
import io.partnertiers.security.Roles;

/** Many evaluations in one request: NDJSON in, one answer line per request line out, in order. */
@Path("/programs/{programId}/evaluations:batch")
@RolesAllowed(Roles.EVALUATOR)
@Tag(name = "Evaluations")
public class BatchEvaluationResource {

    private static final Pattern PATH = Pattern.compile("/programs/[^/]+/evaluations:batch");

    private final BatchEvaluator batches;

    BatchEvaluationResource(BatchEvaluator batches) {
        this.batches = batches;
    }

    /** Whether a request path (as sent: an encoded ':' names no resource) is this endpoint's. */
    static boolean isBatchPath(String path) {
        return path != null && PATH.matcher(path).matches();
    }

    @POST
    @Consumes(NdjsonLines.MEDIA_TYPE)
    @Produces(NdjsonLines.MEDIA_TYPE)
    @Operation(operationId = "evaluatePartnersBatch", summary = "Evaluate many partners: one request per line in,"
            + " one answer per line out, in the same order",
            description = "The body is NDJSON: each line one EvaluationRequest (the body of evaluatePartner), read as"
                    + " it arrives, with no limit on the number of lines; each line is at most as long as a single"
                    + " call's body (4 MB). The answer streams one line per request line, in the same order, each"
                    + " exactly what evaluatePartner answers for that line's body: the decision (with its"
                    + " evaluationId once the decision is on disk, unless the line says \"record\": false), or the"
                    + " problem, which then carries the line's number in \"line\" (status 400 for a line that is empty"
                    + " or not a valid request, 413 for one that is too long, 503 for a decision that could not be"
                    + " stored). A line with \"status\" is a problem. The statuses below other than 200 are answered"
                    + " before any line is read.")
    @RequestBody(required = true, description = "One EvaluationRequest (see evaluatePartner) per line",
            content = @Content(mediaType = NdjsonLines.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "One answer per line, in order: an EvaluationResult, or a Problem"
            + " with the line's number; empty for an empty body",
            content = @Content(mediaType = NdjsonLines.MEDIA_TYPE))
    @APIResponse(responseCode = "400", description = "A malformed query parameter (explain)")
    @APIResponse(responseCode = "404", description = "No program with this id is loaded")
    @APIResponse(responseCode = "415", description = "The body is not sent as application/x-ndjson")
    public StreamingOutput evaluateBatch(@PathParam("programId") String programId,
            @Parameter(description = "Add, per tier, the rules that fired and the facts each criterion counted, to every answer")
            @Schema(type = SchemaType.BOOLEAN, defaultValue = "false") @QueryParam("explain") String explain,
            @Context UriInfo uri, InputStream body) {
        BatchEvaluator.Batch batch = batches.open(programId, Parameters.flag("explain", explain), uri.getPath());
        return out -> batch.answer(body, out);
    }
}
