package io.partnertiers.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnertiers.evaluation.ProgramNotFoundException;
import io.partnertiers.rules.RulesetRegistry;
import io.partnertiers.security.Roles;

@Path("/programs")
@RolesAllowed(Roles.EVALUATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programs", description = "The partner programs loaded from the rules folder, their tiers and criteria")
public class ProgramResource {

    private final RulesetRegistry registry;

    ProgramResource(RulesetRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Operation(operationId = "listPrograms", summary = "The loaded programs, each with its tiers lowest first")
    @APIResponse(responseCode = "200", description = "Every program serving, by id")
    public List<ProgramSummary> list() {
        return registry.all().stream().map(ProgramSummary::of).toList();
    }

    @GET
    @Path("/{programId}")
    @Operation(operationId = "getProgram", summary = "One program: its tiers, their criteria and required values")
    @APIResponse(responseCode = "200", description = "The program")
    @APIResponse(responseCode = "404", description = "No program with this id is loaded")
    public ProgramView get(@PathParam("programId") String programId) {
        return registry.find(programId).map(ProgramView::of)
                .orElseThrow(() -> new ProgramNotFoundException(programId));
    }
}
