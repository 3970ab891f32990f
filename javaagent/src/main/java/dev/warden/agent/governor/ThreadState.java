package dev.warden.agent.governor;

import dev.warden.agent.audit.AuditRecord;

/**
 * What Warden keeps per thread: whether the thread is inside Warden's own code (so nothing it does
 * is governed), the stack of governed calls in progress, and a reusable audit record.
 */
final class ThreadState {

    /** More than zero while the thread runs Warden's own code: its I/O is never governed. */
    int insideWarden;
    /** Governed calls in progress on this thread, innermost last. */
    private final CallFrame[] frames = {new CallFrame(), new CallFrame(), new CallFrame(), new CallFrame()};
    private int depth;
    final AuditRecord record = new AuditRecord();
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

    /** The exception a denied call throws, handed from the decision to the advice. */
    Exception denial;

    CallFrame top() {
        return depth == 0 ? null : frames[depth - 1];
    }

    boolean insideFamily(int family) {
        for (int i = 0; i < depth; i++) {
            if (frames[i].family == family) {
                return true;
            }
        }
        return false;
    }

    /** Starts a governed call; returns {@code null} when calls nest deeper than we track. */
    CallFrame push(int family) {
        if (depth == frames.length) {
            return null;
        }
        CallFrame f = frames[depth++];
        f.reset(family);
        return f;
    }

    void pop() {
        if (depth > 0) {
            frames[--depth].reset(0);
        }
    }
}
