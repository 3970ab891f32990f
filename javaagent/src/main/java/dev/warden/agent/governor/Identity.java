package dev.warden.agent.governor;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Who is acting: the agent's id and role from the policy, and this process's session. */
public final class Identity {
    final String agent;
    final String role;
    final String session;

    public Identity(String agent, String role) {
        this.agent = agent;
        this.role = role;
        this.session = randomUuid().toString();
    }

    /**
     * A version-4 UUID from {@link ThreadLocalRandom}: a session id names a run, it is no secret, and
     * {@code UUID.randomUUID()} would initialize {@code SecureRandom}'s providers at start-up.
     */
    private static UUID randomUuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long high = (r.nextLong() & ~0xF000L) | 0x4000L;
        long low = (r.nextLong() & ~(0xC000000000000000L)) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    public String session() {
        return session;
    }
}
