package dev.warden.agent.governor;

import dev.warden.agent.audit.AuditRecord;

/**
 * What Warden keeps per thread: whether the thread is inside Warden's own code (so nothing it does
 * is governed), the stack of governed calls in progress, and a reusable audit record.
 */
final class ThreadState {

    /** More than zero while the thread runs Warden's own code: its I/O is never governed. */
    int insideWarden;
    /**
     * Governed calls in progress on this thread, innermost last. Made on the first governed call:
     * every thread the application starts inherits a state, most never make one.
     */
    private CallFrame[] frames;
    private int depth;
    private AuditRecord record;

    AuditRecord record() {
        if (record == null) {
            record = new AuditRecord();
        }
        return record;
    }
    /** This thread's name as last seen, and its UTF-8 encoding (re-encoded only when renamed). */
    private String threadName;
    private byte[] threadNameUtf8;

    byte[] threadNameUtf8(String name) {
        if (name != threadName) {
            threadName = name;
            threadNameUtf8 = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return threadNameUtf8;
    }

    /** The session this thread acts for ({@code WardenSession.open}); {@code null}: the process's. */
    Session session;

    /** The exception a denied call throws, handed from the decision to the advice. */
    Exception denial;

    /**
     * The last HTTP request this thread allowed: the object it was made through and the URL object
     * it was decided for, so that the calls one request makes into each other (an
     * {@code HttpURLConnection}'s {@code getInputStream} after its {@code connect}) decide it once,
     * and a redirect (a new URL object) is decided again. A denied one is refused again, unrecorded.
     */
    private Object lastHttpSubject;
    private Object lastHttpUrl;
    private String lastHttpMethod;
    private String lastHttpDenial;
    /**
     * JDBC calls in progress on this thread (governed or nested): a pool's proxy statement calls
     * the driver's, a wrapper driver the real one — only the outermost is decided and recorded.
     */
    int sqlDepth;
    int sqlConnectDepth;
    /** Whether the outermost connect in progress has been decided (by itself or a nested driver that knew the URL). */
    boolean sqlConnectDecided;
    /** More than zero while the thread works for a request Warden decided on another thread. */
    int decidedScope;
    /** More than zero while the thread connects a mail transport, whose every message Warden decides. */
    int mailTransport;
    private MailFacts mailFacts;

    MailFacts mailFacts() {
        if (mailFacts == null) {
            mailFacts = new MailFacts();
        }
        return mailFacts;
    }
    /** The stack depth at which the JDK client's {@code send} runs on this thread, else -1 (see {@link NetworkCalls#sendBegin}). */
    int sendDepth = -1;
    /** Where this thread starts looking in Warden's lock-free tables, so that threads seldom meet there. */
    final int slotStart = SLOT_STARTS.getAndAdd(0x9E3779B9);
    private static final java.util.concurrent.atomic.AtomicInteger SLOT_STARTS = new java.util.concurrent.atomic.AtomicInteger();

    boolean alreadyDecided(Object subject, Object url, String method) {
        return subject == lastHttpSubject && url == lastHttpUrl && method != null && method.equals(lastHttpMethod);
    }

    /** {@code denial} is the message it was refused with, {@code null} when it was allowed. */
    void rememberDecided(Object subject, Object url, String method, String denial) {
        lastHttpSubject = subject;
        lastHttpUrl = url;
        lastHttpMethod = method;
        lastHttpDenial = denial;
    }

    String lastHttpDenial() {
        return lastHttpDenial;
    }

    /** Whether a connect made now is part of a call Warden already allowed on this thread. */
    boolean insideAllowedCall() {
        if (decidedScope > 0 || mailTransport > 0) {
            return true;
        }
        for (int i = depth - 1; i >= 0; i--) {
            CallFrame f = frames[i];
            if (f.family != Family.FILE && f.family != Family.NET && f.count > 0 && f.decisions[0] != Outcome.DENY) {
                return true;
            }
        }
        return false;
    }

    CallFrame top() {
        return depth == 0 ? null : frames[depth - 1];
    }

    /**
     * Whether a call on {@code path} is one the JDK makes inside a governed call on the same path
     * (an attribute view under the provider's {@code setAttribute}): decided once, by the outer
     * call. A nested call on another path (application code the JDK calls back) is governed.
     */
    boolean nestedOnSamePath(int family, Object path, int actions) {
        CallFrame top = top();
        return top != null && top.family == family && (actions & ~top.pathActions) == 0
                && (top.path == path || (path != null && path.equals(top.path)));
    }

    /** Starts a governed call; returns {@code null} when calls nest deeper than we track (the call is then denied). */
    CallFrame push(int family) {
        if (frames == null) {
            frames = new CallFrame[] {new CallFrame(), new CallFrame(), new CallFrame(), new CallFrame(),
                    new CallFrame(), new CallFrame(), new CallFrame(), new CallFrame()};
        }
        if (depth == frames.length) {
            return null;
        }
        CallFrame f = frames[depth++];
        f.reset(family);
        f.session = session;
        return f;
    }

    int depth() {
        return depth;
    }

    /** Drops the frames an interrupted decision left above {@code d}. */
    void popTo(int d) {
        while (depth > d) {
            pop();
        }
    }

    void pop() {
        if (depth > 0) {
            frames[--depth].reset(0);
        }
    }
}
