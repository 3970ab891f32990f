package dev.warden.policy;

/** A rule's {@code effect}. */
public enum Effect {
    ALLOW,
    DENY,
    /** A person must approve each call. */
    APPROVE,
    /** Record that the rule matched; the decision comes from the other rules. */
    MONITOR;

    /** {@code allow}, {@code deny}, {@code approve} or {@code monitor}, as written in a policy. */
    public String policyValue() {
        return PolicyValues.nameOf(this);
    }
}
