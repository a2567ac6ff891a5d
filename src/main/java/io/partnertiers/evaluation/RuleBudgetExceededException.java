package io.partnertiers.evaluation;

/** A program's rules fired more often than it has rules: they loop, and the evaluation was stopped. */
public class RuleBudgetExceededException extends IllegalStateException {

    public RuleBudgetExceededException(String programId, int rules) {
        super("Program '" + programId + "' fired more rules than the " + rules + " it has: its rules loop");
    }
}
