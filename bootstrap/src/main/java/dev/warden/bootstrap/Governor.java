package dev.warden.bootstrap;

/**
 * What the agent plugs into {@link Gate}: decides governed calls and records their outcome.
 *
 * <p>Implemented in the agent's own classes; this interface lives on the bootstrap class path so
 * that advice inlined into JDK classes can reach it. Every method is on the hot path of a governed
 * call: implementations must not allocate, lock or log when a call is allowed from the cache.
 */
public interface Governor {

    /** Returned by {@code enter*} when the call is not governed (Warden's own I/O, a nested call). */
    long NOT_GOVERNED = 0L;

    /**
     * Decides a file operation before it happens.
     *
     * @param op one of the {@link FileOp} codes
     * @param path a {@code String}, {@code java.io.File} or {@code java.nio.file.Path}
     * @param other a second path for copy, move, rename and link operations, else {@code null}
     * @param extra operation details (the open options of an NIO open), else {@code null}
     * @param api which exception the intercepted API declares: one of the {@link Gate} API codes
     * @return a token to hand to {@link #exit}, or {@link #NOT_GOVERNED}
     * @throws Exception the API-native exception when the call is denied
     */
    long enterFile(int op, Object path, Object other, Object extra, int api) throws Exception;

    /** Records the outcome of the call that {@code token} was returned for. */
    void exit(long token, Throwable thrown);
}
