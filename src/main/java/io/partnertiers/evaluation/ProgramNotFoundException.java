package io.partnertiers.evaluation;

/** No program with this id is loaded. */
public class ProgramNotFoundException extends RuntimeException {

    public ProgramNotFoundException(String programId) {
        super("No program '" + programId + "' is loaded");
    }
}
