package io.partnertiers.facts;

/** How a certification was earned (seed 003 distinguishes proctored from verification exams). */
public enum CertificationKind {
    PROCTORED_EXAM, VERIFICATION_EXAM, COURSE
}
