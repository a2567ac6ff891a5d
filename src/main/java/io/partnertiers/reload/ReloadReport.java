package io.partnertiers.reload;

import java.util.List;

/** What one reload did: the programs swapped in, unloaded and refused, and the status after it. */
public record ReloadReport(List<String> loaded, List<String> unloaded, List<String> refused, long reloadsSucceeded,
        long reloadsFailed, List<ProgramStatus> programs) {
}
