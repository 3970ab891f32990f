package dev.warden.bootstrap;

/**
 * The static entry points that advice inlined into JDK and library classes calls.
 *
 * <p>This class is defined in the bootstrap class loader so that code in {@code java.base} can link
 * against it. It holds no logic: it forwards to the {@link Governor} the agent installs, and lets
 * every call through until one is installed (the JVM's own start-up, before the policy is loaded).
 */
public final class Gate {

    /** The API declares {@code FileNotFoundException} ({@code java.io} streams). */
    public static final int API_IO_STREAM = 1;
    /** The API declares {@code IOException}: deny with {@code AccessDeniedException} (NIO, {@code File.createNewFile}). */
    public static final int API_NIO = 2;
    /** The API declares no exception: deny with {@code SecurityException} ({@code File.delete}, {@code File.list}). */
    public static final int API_UNCHECKED = 3;

    private static volatile Governor governor;

    private Gate() {}

    /** Installs the governor; called once by the agent when its policy is loaded. */
    public static void install(Governor g) {
        governor = g;
    }

    /** The installed governor, or {@code null} before start-up has finished. */
    public static Governor governor() {
        return governor;
    }

    /** Decides a file operation; see {@link Governor#enterFile}. */
    public static long file(int op, Object path, Object other, Object extra, int api) throws Exception {
        Governor g = governor;
        return g == null ? Governor.NOT_GOVERNED : g.enterFile(op, path, other, extra, api);
    }

    /**
     * The open options an NIO open will use: an application's own {@code Set} is replaced by an
     * immutable copy, made here, on the application's thread and outside Warden (its iterator is
     * application code), so that Warden decides on exactly what the JDK then opens with.
     */
    public static Object openOptions(Object options) {
        if (options instanceof java.util.Set && !options.getClass().getName().startsWith("java.")) {
            return java.util.Set.copyOf((java.util.Set<?>) options);
        }
        return options;
    }

    /** Records the outcome of a governed call. */
    public static void exit(long token, Throwable thrown) {
        if (token != Governor.NOT_GOVERNED) {
            Governor g = governor;
            if (g != null) {
                g.exit(token, thrown);
            }
        }
    }
}
