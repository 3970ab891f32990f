package dev.warden.policy;

/** What a {@link Verdict} says to do with a call. */
public enum Decision {
    /** The call proceeds. */
    ALLOW,
    /** The call is refused with the API's own exception. */
    DENY,
    /**
     * A person must approve the call ({@code effect = approve}): the agent holds the calling thread
     * until someone runs {@code approve} or {@code reject}, or {@code warden.approval.timeout} passes.
     */
    APPROVE
}
