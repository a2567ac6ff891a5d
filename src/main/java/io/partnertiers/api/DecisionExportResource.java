package io.partnertiers.api;

import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnertiers.audit.DecisionLog;
import io.partnertiers.ndjson.NdjsonLines;
import io.partnertiers.security.Roles;

/** The recorded requests as NDJSON, in the shape {@code impact --partners} reads. */
@Path("/decisions/export")
@RolesAllowed(Roles.AUDITOR)
@Tag(name = "Decision log")
public class DecisionExportResource {

    private static final String NDJSON = NdjsonLines.MEDIA_TYPE;
    /** Decisions read per query: the export holds one page in memory at a time. */
    private static final int PAGE = 500;

    private final DecisionLog log;
    private final ObjectMapper json;

    DecisionExportResource(DecisionLog log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    @GET
    @Produces(NDJSON)
    @Operation(operationId = "exportDecisions", summary = "Recorded requests, one per line: {\"program\", \"asOf\", \"partner\"}, oldest first")
    @APIResponse(responseCode = "200", description = "One recorded request per line (NDJSON)",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                    .enums.SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "A malformed program id or date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StreamingOutput export(@QueryParam("program") String program, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        String programId = program == null ? null : Parameters.programId("program", program);
        LocalDate first = Parameters.day("from", from);
        LocalDate last = Parameters.day("to", to);
        // the first page is read before the answer starts, so a database out of reach is a 503 problem
        List<DecisionLog.ExportLine> firstPage = log.exportPage(programId, first, last, null, PAGE);
        return out -> write(out, programId, first, last, firstPage);
    }

    private void write(OutputStream out, String program, LocalDate from, LocalDate to, List<DecisionLog.ExportLine> page)
            throws java.io.IOException {
        Writer writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        while (!page.isEmpty()) {
            for (DecisionLog.ExportLine line : page) {
                writer.write("{\"program\":");
                writer.write(quoted(line.program()));
                writer.write(",\"asOf\":\"");
                writer.write(line.asOf().toString());
                writer.write("\",\"partner\":");
                writer.write(line.partnerJson());
                writer.write("}\n");
            }
            writer.flush();
            page = page.size() < PAGE ? List.of() : log.exportPage(program, from, to, page.get(page.size() - 1), PAGE);
        }
        writer.flush();
    }

    private String quoted(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
