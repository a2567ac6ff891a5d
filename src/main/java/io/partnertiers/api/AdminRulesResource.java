package io.partnertiers.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnertiers.reload.ProgramStatus;
import io.partnertiers.reload.ReloadReport;
import io.partnertiers.reload.RulesReloader;
import io.partnertiers.security.Roles;

@Path("/admin/rules")
@RolesAllowed(Roles.RULES_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules administration", description = "Reloading the rules folder and the status of each program's rules")
public class AdminRulesResource {

    private final RulesReloader reloader;

    AdminRulesResource(RulesReloader reloader) {
        this.reloader = reloader;
    }

    @POST
    @Path("/reload")
    @Operation(operationId = "reloadRules", summary = "Load every changed program now; a change that does not compile or fails a scenario is refused")
    @APIResponse(responseCode = "200", description = "What was loaded, unloaded and refused, and the status after it")
    @APIResponse(responseCode = "400", description = "unload is not a program id, its folder still exists, or other programs ask about it")
    @APIResponse(responseCode = "404", description = "unload names no program this service knows")
    @APIResponse(responseCode = "409", description = "The rules folder does not exist; every program keeps its last version")
    public ReloadReport reload(
            @Parameter(description = "Unload this program; its folder must already be removed") @QueryParam("unload") String unload) {
        try {
            return reloader.reload(unload);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("unload", e.getMessage());
        }
    }

    @GET
    @Path("/status")
    @Operation(operationId = "getRulesStatus", summary = "Per program: the version serving, since when, and the last refused reload with its diagnostics")
    @APIResponse(responseCode = "200", description = "Every program known, serving or refused, by id")
    public List<ProgramStatus> status() {
        return reloader.status();
    }
}
