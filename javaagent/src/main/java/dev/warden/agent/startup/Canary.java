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
 * through each advised class (the {@code java.io} streams and {@code RandomAccessFile},
 * {@code java.io.File}, the NIO provider and its attribute views) must reach the {@link Gate}. A cache entry that is not what Warden made, or a class Byte Buddy
 * could not advise, fails here instead of leaving calls silently ungoverned.
 */
final class Canary implements Governor {

    /** In a directory that does not exist: the calls the canary lets through must fail, not create. */
    private final String path = "/nonexistent-warden-canary-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "/c";
    /** A bit per file operation that reached the gate (JDK 25's newByteChannel also calls newFileChannel). */
    private int seen;
    private static final int ALL = (1 << FileOp.OPEN_READ) | (1 << FileOp.OPEN_WRITE) | (1 << FileOp.OPEN_RANDOM_ACCESS)
            | (1 << FileOp.DELETE) | (1 << FileOp.CREATE_DIRECTORY) | (1 << FileOp.OPEN_NIO) | (1 << FileOp.LIST)
            | (1 << FileOp.SET_ATTRIBUTE);

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
            new File(canary.path).mkdir();
            attempt(() -> new java.io.FileOutputStream(canary.path).close());
            attempt(() -> new java.io.RandomAccessFile(canary.path, "r").close());
            attempt(() -> Files.newByteChannel(Path.of(canary.path)).close());
            attempt(() -> Files.newDirectoryStream(Path.of(canary.path)).close());
            attempt(() -> Files.setLastModifiedTime(Path.of(canary.path), java.nio.file.attribute.FileTime.fromMillis(0)));
        } finally {
            Gate.install(null);
        }
        return canary.seen == ALL;
    }

    private interface Attempt {
        void run() throws Exception;
    }

    /** The path does not exist: only that the call reached the gate matters. */
    private static void attempt(Attempt a) {
        try {
            a.run();
        } catch (Exception expected) {
            // NoSuchFileException, FileNotFoundException
        }
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
