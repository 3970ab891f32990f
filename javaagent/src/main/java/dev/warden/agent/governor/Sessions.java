package dev.warden.agent.governor;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of this process: its own (one per run, named in the session header) and those the
 * application names with {@code WardenSession.open(id)}, kept by id so that reopening one continues
 * it (its lifespan is not reset, nor what it has done). A revoked id stays revoked, also if the application opens it again
 * later — the revocation may arrive before the session does.
 */
final class Sessions {

    final Session process;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Session> named = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    Sessions(String processSessionId, Duration ttl, long startNanos) {
        this.ttlNanos = ttl == null ? Long.MAX_VALUE : ttl.toNanos();
        this.process = new Session(processSessionId, false, startNanos, ttlNanos);
    }

    /** The session the application named {@code id}: made at its first open. Not on the governed path. */
    Session open(String id, long nowNanos) {
        if (id.equals(process.id)) {
            return process;
        }
        return named.computeIfAbsent(id, k -> {
            Session s = new Session(k, true, nowNanos, ttlNanos);
            if (revoked.contains(k)) {
                s.revoke();
            }
            return s;
        });
    }

    /** Revokes {@code id}; returns the session when this process knows it (it acted for it), else {@code null}. */
    Session revoke(String id) {
        revoked.add(id);
        Session s = id.equals(process.id) ? process : named.get(id);
        if (s != null) {
            s.revoke();
        }
        return s;
    }

    /** The session a call made for {@code s} ({@code null}: the process's) belongs to. */
    Session of(Session s) {
        return s == null ? process : s;
    }

    /** The reason the session {@code s} ({@code null}: the process's) may not act, or {@code null}. */
    String refusal(Session s, long nowNanos) {
        return of(s).refusal(nowNanos);
    }
}
