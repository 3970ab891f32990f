package dev.warden.agent.governor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/**
 * Watches the policy file for {@code warden.reload}: a Warden thread looks at it every
 * {@value #POLL_MILLIS} ms, so governed calls never make a file-system call for it (as
 * {@link KillSwitch} does). A change is what the file resolves to (every symlink followed, so
 * Kubernetes swapping its ConfigMap's {@code ..data} link counts), its size, modification time or
 * file key. A change is acted on once it has held for one more look, so an editor's truncate-then-
 * write is not read half written; that keeps a reload within ~{@value #POLL_MILLIS}×3 ms.
 *
 * <p>Polling rather than a {@code WatchService}: a watch on the directory misses a swap of a link
 * in a parent directory, and on some file systems (NFS, overlay mounts) it never fires.
 */
final class PolicyWatcher {

    static final long POLL_MILLIS = 100;

    /** What the file looked like at one look; {@link #MISSING} when it could not be read. */
    record Stamp(Path real, long modifiedNanos, long size, Object fileKey) {}

    static final Stamp MISSING = new Stamp(null, 0, -1, null);

    private final Path file;
    private Stamp loaded;
    private Stamp seen;

    /** {@code file} was loaded just now (at start-up). */
    PolicyWatcher(Path file) {
        this.file = file;
        this.loaded = stamp(file);
        this.seen = loaded;
    }

    static Stamp stamp(Path file) {
        try {
            Path real = file.toRealPath();
            BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
            return new Stamp(real, a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), a.size(),
                    a.fileKey());
        } catch (IOException | RuntimeException e) {
            return MISSING;
        }
    }

    /** One look: whether the file changed since the last load and has held still since the look before. */
    boolean changed() {
        Stamp now = stamp(file);
        if (now.equals(loaded)) {
            seen = now;
            return false;
        }
        if (!now.equals(seen)) {
            seen = now;
            return false; // still changing, or just changed: look again before reading it
        }
        loaded = now;
        return true;
    }

    /**
     * Starts the watcher thread: {@code onChange} runs on it for each settled change, until
     * {@code keepWatching} answers false ({@code warden.reload = false} in a reloaded policy).
     */
    void watch(BiFunction<String, Runnable, Thread> threads, Runnable onChange, BooleanSupplier keepWatching) {
        threads.apply("warden-policy-watch", () -> {
            while (keepWatching.getAsBoolean()) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                if (changed()) {
                    onChange.run();
                }
            }
        }).start();
    }
}
