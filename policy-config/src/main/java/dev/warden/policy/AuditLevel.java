package dev.warden.policy;

/** {@code warden.audit.level}. */
public enum AuditLevel {
    /** Every governed call is recorded. */
    ALL,
    /** Only deny, would-deny, approval and error decisions are recorded. */
    DENIALS
}
