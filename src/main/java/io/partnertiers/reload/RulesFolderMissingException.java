package io.partnertiers.reload;

import java.nio.file.Path;

/** A reload was asked for while the rules folder does not exist; every program keeps its last version. */
public class RulesFolderMissingException extends RuntimeException {

    public RulesFolderMissingException(Path rulesDir) {
        super("The rules folder " + rulesDir.toAbsolutePath() + " does not exist: nothing was reloaded and every"
                + " program keeps serving its last version");
    }
}
