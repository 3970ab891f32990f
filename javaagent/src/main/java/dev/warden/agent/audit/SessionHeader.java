package dev.warden.agent.audit;

/**
 * What every record of one agent process under one policy version shares: the agent, its role,
 * the session and the policy version. Written to the trail once (and again at the start of each
 * day's file) as a header record that call records name by {@link #key}, instead of repeating
 * ~80 bytes of strings in each: encoding those strings was most of the cost of a record.
 */
public final class SessionHeader {
    public final long key;
    public final String agent;
    public final String role;
    public final String session;
    public final String policy;

    public SessionHeader(long key, String agent, String role, String session, String policy) {
        this.key = key;
        this.agent = agent;
        this.role = role;
        this.session = session;
        this.policy = policy;
    }

    /** Copies the shared fields into a record read from the trail. */
    void fill(AuditRecord r) {
        r.agent = agent;
        r.role = role;
        r.session = session;
        r.policy = policy;
    }
}
