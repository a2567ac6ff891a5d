package io.partnertiers.security;

/** The roles a token's {@code groups} claim grants; each endpoint requires one of them. */
public final class Roles {

    /** Evaluates partners and reads the programs. */
    public static final String EVALUATOR = "evaluator";
    /** Reads what the decision log holds: stored facts, decisions, histories, replays. */
    public static final String AUDITOR = "auditor";
    /** Reloads and unloads programs, reads their load status. */
    public static final String RULES_ADMIN = "rules-admin";

    private Roles() {
    }
}
