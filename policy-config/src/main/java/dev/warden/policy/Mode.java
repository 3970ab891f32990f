package dev.warden.policy;

/** {@code warden.mode}, {@code warden.mode.<family>} and a rule's {@code mode}. */
public enum Mode {
    /** Decisions are applied. */
    ENFORCE,
    /** Everything is allowed; what would have been denied is recorded as {@code would-deny}. */
    MONITOR
}
