package dev.warden.bootstrap;

/**
 * Names the session the current thread acts for, for applications that run many conversations in
 * one JVM:
 *
 * <pre>
 * try (WardenSession s = WardenSession.open(conversationId)) {
 *     agent.chat(message);   // every governed call here belongs to conversationId
 * }
 * </pre>
 *
 * <p>Optional: code that never calls it has one session per process. It depends on nothing but
 * {@code java.base}, and without the Warden agent in the JVM it does nothing, so an application
 * may ship this class (the {@code warden-bootstrap} jar) and run with or without Warden. Under the
 * agent this class is the one Warden defines in the bootstrap class loader, which every class
 * loader asks first.
 *
 * <p>The session is the thread's, for the scope's duration: work the application hands to other
 * threads belongs to the process session unless those threads open the scope too. Scopes nest;
 * closing one restores the session that was current when it opened. A session's
 * {@code warden.session.ttl} runs from its first {@code open} in the process, and a session
 * revoked with {@code session revoke ID} stays revoked, also when opened again.
 */
public final class WardenSession implements AutoCloseable {

    /** Longest id accepted: an id is written into every audit record of the session. */
    public static final int MAX_ID_LENGTH = 200;

    private static final WardenSession WITHOUT_AGENT = new WardenSession(null, null, null);

    private final Governor governor;
    private final Object previous;
    private final String id;
    private boolean closed;

    private WardenSession(Governor governor, Object previous, String id) {
        this.governor = governor;
        this.previous = previous;
        this.id = id;
    }

    /**
     * Makes {@code id} the calling thread's session until {@link #close()}.
     *
     * @throws IllegalArgumentException when {@code id} is null, blank, longer than
     *     {@value #MAX_ID_LENGTH} characters or holds a control character — also without the agent,
     *     so a bad id shows up in development, not first in production
     */
    public static WardenSession open(String id) {
        check(id);
        Governor g = Gate.governor();
        if (g == null) {
            return WITHOUT_AGENT;
        }
        return new WardenSession(g, g.enterSession(id), id);
    }

    /** The session id this scope opened, or {@code null} when no agent is installed. */
    public String id() {
        return id;
    }

    /** Ends the scope on this thread; idempotent. */
    @Override
    public void close() {
        if (governor != null && !closed) {
            closed = true;
            governor.exitSession(previous);
        }
    }

    private static void check(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a Warden session id must not be empty");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("a Warden session id is at most " + MAX_ID_LENGTH + " characters, not " + id.length());
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw new IllegalArgumentException("a Warden session id must not hold control characters");
            }
        }
    }
}
