package io.partnertiers.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A program's rules folder could not be turned into a ruleset; every problem is listed. */
public class RulesetCompilationException extends RuntimeException {

    private final String programId;
    private final List<Diagnostic> diagnostics;

    public RulesetCompilationException(String programId, List<Diagnostic> diagnostics) {
        super("Program '" + programId + "' has errors:\n"
                + diagnostics.stream().map(d -> "  " + d).collect(Collectors.joining("\n")));
        this.programId = programId;
        this.diagnostics = List.copyOf(diagnostics);
    }

    public String programId() {
        return programId;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
