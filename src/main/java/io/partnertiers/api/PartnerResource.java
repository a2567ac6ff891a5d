package io.partnertiers.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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

import io.partnertiers.audit.DecisionLog;
import io.partnertiers.audit.DecisionPage;
import io.partnertiers.audit.TierChange;
import io.partnertiers.audit.TierHistory;
import io.partnertiers.evaluation.ProgramNotFoundException;
import io.partnertiers.rules.RulesetRegistry;
import io.partnertiers.rules.Tier;
import io.partnertiers.security.Roles;

@Path("/partners/{partnerId}")
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decision log")
public class PartnerResource {


    private final DecisionLog log;
    private final RulesetRegistry registry;

    PartnerResource(DecisionLog log, RulesetRegistry registry) {
        this.log = log;
        this.registry = registry;
    }

    @GET
    @Path("/evaluations")
    @Operation(operationId = "listPartnerDecisions", summary = "The partner's recorded decisions, newest asOf first, one page at a time")
    @APIResponse(responseCode = "200", description = "One page of decisions; a page past the end is empty")
    @APIResponse(responseCode = "400", description = "A parameter cannot be used as given; it is named")
    @APIResponse(responseCode = "503", description = "The decision log cannot be read now (its database is out of reach)")
    public DecisionPage evaluations(@PathParam("partnerId") String partnerId,
            @Parameter(description = "Only this program") @QueryParam("program") String program,
            @Parameter(description = "Only decisions as of this day or later (yyyy-MM-dd)") @QueryParam("from") String from,
            @Parameter(description = "Only decisions as of this day or earlier (yyyy-MM-dd)") @QueryParam("to") String to,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    maximum = "" + Parameters.MAX_PAGE, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "Decisions per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + Parameters.MAX_PAGE_SIZE, defaultValue = "20")) @QueryParam("size") String size) {
        return log.list(Parameters.partnerId(partnerId), Parameters.programId("program", program),
                Parameters.day("from", from), Parameters.day("to", to),
                Parameters.wholeNumber("page", page, 0, 0, Parameters.MAX_PAGE),
                Parameters.wholeNumber("size", size, 20, 1, Parameters.MAX_PAGE_SIZE));
    }

    @GET
    @Path("/tier-history")
    @Operation(operationId = "getTierHistory", summary = "The partner's promotions and demotions in one program, derived from its recorded decisions")
    @APIResponse(responseCode = "200", description = "Every change of segment, oldest first")
    @APIResponse(responseCode = "400", description = "partnerId or program cannot be used as given; it is named")
    @APIResponse(responseCode = "404", description = "No program with this id is loaded")
    @APIResponse(responseCode = "503", description = "The decision log cannot be read now (its database is out of reach)")
    public List<TierChange> tierHistory(@PathParam("partnerId") String partnerId,
            @QueryParam("program") @NotBlank String program) {
        Parameters.partnerId(partnerId);
        Parameters.programId("program", program);
        List<String> tierOrder = registry.find(program).orElseThrow(() -> new ProgramNotFoundException(program))
                .tiers().stream().map(Tier::id).toList();
        return TierHistory.changes(log.history(partnerId, program), tierOrder);
    }
}
