package io.partnertiers.facts;

/** Kinds of store apps in the ServiceNow technology partner program (seed 001). */
public enum AppType {
    INTEGRATION, COMPLEX, NATIVE
}
