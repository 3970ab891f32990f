package dev.warden.policy;

/** {@code warden.failure}: what happens when Warden cannot decide. */
public enum Failure {
    /** Deny the call, and refuse to start on an invalid policy. */
    CLOSED,
    /** Allow the call and record the error. */
    OPEN
}
