package dev.warden.agent.startup;

import dev.warden.bootstrap.FileOp;
import dev.warden.bootstrap.Gate;
import dev.warden.bootstrap.Governor;
import java.io.File;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Proves the advice is live before Warden governs: with a stand-in governor installed, one call
 * through each kind of chokepoint ({@code java.io} stream, {@code java.io.File}, the NIO provider)
 * must reach the {@link Gate}. A cache entry that is not what Warden made, or a class Byte Buddy
 * could not advise, fails here instead of leaving calls silently ungoverned.
 */
final class Canary implements Governor {

    private final String path = "/nonexistent-warden-canary-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    /** A bit per file operation that reached the gate (JDK 25's newByteChannel also calls newFileChannel). */
    private int seen;
    private static final int ALL = (1 << FileOp.OPEN_READ) | (1 << FileOp.DELETE) | (1 << FileOp.OPEN_NIO);

    /** True when every chokepoint reached the gate. */
    static boolean check() {
        Canary canary = new Canary();
        Gate.install(canary);
        try {
            try (FileInputStream in = new FileInputStream(canary.path)) {
                in.read();
            } catch (Exception expected) {
                // the file does not exist: only the call matters
            }
            new File(canary.path).delete();
            try {
                Files.newByteChannel(Path.of(canary.path)).close();
            } catch (Exception expected) {
                // likewise
            }
        } finally {
            Gate.install(null);
        }
        return canary.seen == ALL;
    }

    @Override
    public long enterFile(int op, Object target, Object other, Object extra, int api) {
        if (canaryPath(target)) {
            seen |= 1 << op;
        }
        return NOT_GOVERNED;
    }

    private boolean canaryPath(Object target) {
        String s = target instanceof File ? ((File) target).getPath() : String.valueOf(target);
        return s.equals(path);
    }

    @Override
    public void exit(long token, Throwable thrown) {}
}
