package io.partnertiers.facts;

/** The five scored sections of the customer-success readiness assessment (seed 003). */
public enum ReadinessSection {
    STRATEGY_ROLES, KPIS_TARGETS, SEGMENTATION_PROFILES, SUPPORT_ENABLEMENT, STAFFING_MODEL
}
