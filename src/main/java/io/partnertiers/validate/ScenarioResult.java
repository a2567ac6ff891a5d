package io.partnertiers.validate;

import java.util.List;

/** How one scenario went: every difference between what it expected and what the rules answered. */
public record ScenarioResult(String program, String file, int line, String name, boolean passed, long micros,
        List<String> failures) {
}
