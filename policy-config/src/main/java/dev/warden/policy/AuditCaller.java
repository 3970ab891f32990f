package dev.warden.policy;

/** {@code warden.audit.caller}: which records carry the calling application frame. */
public enum AuditCaller {
    DENIALS,
    ALL
}
