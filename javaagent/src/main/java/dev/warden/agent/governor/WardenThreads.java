package dev.warden.agent.governor;

/**
 * Which threads are Warden's own: their I/O (the policy, the audit trail, the kill-switch watch) is
 * never governed. The per-thread state is inheritable, so a thread started while running Warden
 * code — Warden's own, or one Chronicle Queue starts for itself — is Warden's too, for life, while a
 * thread the application starts is the application's.
 */
public final class WardenThreads {

    static final ThreadLocal<ThreadState> STATE = new InheritableThreadLocal<>() {
        @Override
        protected ThreadState initialValue() {
            return new ThreadState();
        }

        @Override
        protected ThreadState childValue(ThreadState parent) {
            ThreadState child = new ThreadState();
            child.insideWarden = parent.insideWarden > 0 ? 1 : 0;
            return child;
        }
    };

    private WardenThreads() {}

    /** Runs {@code body} as Warden's own code on the calling thread. */
    public static void runAsWarden(Runnable body) {
        ThreadState ts = STATE.get();
        ts.insideWarden++;
        try {
            body.run();
        } finally {
            ts.insideWarden--;
        }
    }

    /** Makes threads that are Warden's own for life, for libraries that take a factory. */
    public static final java.util.concurrent.ThreadFactory FACTORY = new java.util.concurrent.ThreadFactory() {
        @Override
        public Thread newThread(Runnable body) {
            return WardenThreads.newThread("warden-worker", body);
        }
    };

    /** A daemon thread that is Warden's own for life. */
    public static Thread newThread(String name, Runnable body) {
        Thread t = new Thread(() -> {
            STATE.get().insideWarden++;
            body.run();
        }, name);
        t.setDaemon(true);
        // Chronicle finds classes through the context class loader, which a thread started from
        // JDK 25's Attach Listener (context loader null) would otherwise inherit as null.
        t.setContextClassLoader(WardenThreads.class.getClassLoader());
        return t;
    }
}
