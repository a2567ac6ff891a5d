package io.partnertiers.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

    /** The largest page a caller may ask for. */
    static final int MAX_PAGE_SIZE = 100;

    private final DecisionLog log;
    private final RulesetRegistry registry;

    PartnerResource(DecisionLog log, RulesetRegistry registry) {
        this.log = log;
        this.registry = registry;
    }

    @GET
    @Path("/evaluations")
    @Operation(summary = "The partner's recorded decisions, newest asOf first, one page at a time")
    public DecisionPage evaluations(@PathParam("partnerId") String partnerId,
            @Parameter(description = "Only this program") @QueryParam("program") String program,
            @Parameter(description = "Only decisions as of this day or later (yyyy-MM-dd)") @QueryParam("from") String from,
            @Parameter(description = "Only decisions as of this day or earlier (yyyy-MM-dd)") @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return log.list(partnerId, program, day("from", from), day("to", to), page, size);
    }

    @GET
    @Path("/tier-history")
    @Operation(summary = "The partner's promotions and demotions in one program, derived from its recorded decisions")
    public List<TierChange> tierHistory(@PathParam("partnerId") String partnerId,
            @QueryParam("program") @NotBlank String program) {
        List<String> tierOrder = registry.find(program).orElseThrow(() -> new ProgramNotFoundException(program))
                .tiers().stream().map(Tier::id).toList();
        return TierHistory.changes(log.history(partnerId, program), tierOrder);
    }

    private static LocalDate day(String parameter, String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, "must be a date yyyy-MM-dd (got '" + value + "')");
        }
    }
}
