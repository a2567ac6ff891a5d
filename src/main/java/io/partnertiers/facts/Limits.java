package io.partnertiers.facts;

/** Bounds that keep one request from costing the service more than a realistic profile does. */
public final class Limits {

    /** The most items any list of a profile may hold. */
    public static final int MAX_ITEMS = 10_000;
    /** The most certifications one person may hold. */
    public static final int MAX_CERTIFICATIONS_PER_PERSON = 100;
    /** The most roles one person may hold. */
    public static final int MAX_ROLES_PER_PERSON = 50;

    /** The largest amount of money accepted; far above any real revenue, low enough for exact sums. */
    public static final String MAX_AMOUNT = "1000000000000000";

    private Limits() {
    }
}
