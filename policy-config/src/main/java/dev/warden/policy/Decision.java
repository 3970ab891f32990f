package dev.warden.policy;

/** What a {@link Verdict} says to do with a call. */
public enum Decision {
    /** The call proceeds. */
    ALLOW,
    /** The call is refused with the API's own exception. */
    DENY,
    /**
     * A person must approve the call ({@code effect = approve}). Until approvals are enforced the
     * agent treats this as {@link #DENY}; see {@link Policy#notInForce()}.
     */
    APPROVE
}
