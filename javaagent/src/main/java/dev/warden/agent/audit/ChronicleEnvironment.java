package dev.warden.agent.audit;

/**
 * System properties that keep Chronicle silent and offline inside someone else's JVM.
 *
 * <p>They must be set before the first Chronicle class initializes: Chronicle reads them in static
 * initializers. The agent's {@code premain} calls {@link ChronicleAuditTrail#prepareEnvironment()}
 * first thing; the trail and the reader call it again (it is idempotent) so that tests and the
 * command line get the same behaviour.
 */
final class ChronicleEnvironment {

    /**
     * Chronicle Core's {@code Jvm} loads a file named by this property — by default
     * {@code system.properties} from the class path, the working directory or its parent — into
     * the JVM's system properties. Inside an agent that would let a stray file in the
     * application's working directory change the application's system properties, so Warden
     * points it at an empty resource of its own while Chronicle initializes.
     */
    private static final String SYSTEM_PROPERTIES = "system.properties";
    private static final String EMPTY_PROPERTIES = "dev/warden/agent/audit/chronicle-system.properties";

    private static boolean redirectedSystemProperties;

    private ChronicleEnvironment() {}

    static synchronized void prepare() {
        // No analytics ping to Chronicle's host, no start-up banner.
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        // The disk-space monitor is a polling thread of its own and warns on stderr; Warden
        // reports a full disk as a failed append instead (warden.failure decides).
        System.setProperty("chronicle.disk.monitor.disable", "true");
        if (System.getProperty(SYSTEM_PROPERTIES) == null) {
            System.setProperty(SYSTEM_PROPERTIES, EMPTY_PROPERTIES);
            redirectedSystemProperties = true;
        }
    }

    /**
     * Makes Chronicle Core register its shutdown hook now ({@code PriorityHook}, which its
     * resource releaser adds to from a static initializer). Registering fails once the JVM is
     * shutting down, so this runs before the queue's files are created.
     */
    static void registerShutdownHook() {
        net.openhft.chronicle.core.shutdown.PriorityHook.add(0, NoOp.INSTANCE);
    }

    /** Nothing to do at shutdown: Warden's own hook closes the trail. */
    private enum NoOp implements Runnable {
        INSTANCE;

        @Override
        public void run() {}
    }

    /**
     * Called once Chronicle has initialized: gives {@code system.properties} back to any
     * Chronicle the application itself uses (Warden's copy is relocated and already initialized).
     */
    static synchronized void chronicleLoaded() {
        if (redirectedSystemProperties && EMPTY_PROPERTIES.equals(System.getProperty(SYSTEM_PROPERTIES))) {
            System.clearProperty(SYSTEM_PROPERTIES);
        }
        redirectedSystemProperties = false;
    }
}
