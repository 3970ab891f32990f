package dev.warden.agent.governor;

import java.util.UUID;

/** Who is acting: the agent's id and role from the policy, and this process's session. */
public final class Identity {
    final String agent;
    final String role;
    final String session;

    public Identity(String agent, String role) {
        this.agent = agent;
        this.role = role;
        this.session = UUID.randomUUID().toString();
    }

    public String session() {
        return session;
    }
}
