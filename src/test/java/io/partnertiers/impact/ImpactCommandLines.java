package io.partnertiers.impact;

import java.util.List;

/** Lets tests outside the package ask whether impact would read lines as requests. */
public final class ImpactCommandLines {

    private final ImpactCommand.LineReader reader = new ImpactCommand.LineReader();

    public boolean accepts(List<String> lines) {
        return lines.stream().allMatch(line -> reader.read(line) instanceof ImpactRequest);
    }
}
