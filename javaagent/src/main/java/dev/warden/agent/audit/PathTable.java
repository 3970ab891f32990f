package dev.warden.agent.audit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Numbers for the paths records name again and again: a path is written once, as a definition
 * excerpt, and records name it by number, which makes a file call's record ~40% smaller (the
 * trail is kept for weeks; measured speed is unchanged).
 * A definition is written again in each new daily file and under each new session header, so a
 * file kept after retention, or read alone, holds every path its records name.
 */
final class PathTable {

    /** Beyond this many distinct paths, new ones are written in full: the table stays bounded. */
    static final int MAX_PATHS = 100_000;

    static final class Entry {
        final int id;
        final byte[] utf8;
        volatile int definedInEpoch = -1;

        Entry(int id, byte[] utf8) {
            this.id = id;
            this.utf8 = utf8;
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    /** Bumped when definitions must be written again (a new daily file, a new session header). */
    private volatile int epoch;

    /** The entry for {@code path} (whose UTF-8 encoding is {@code utf8}), or {@code null}: write it in full. */
    Entry entry(String path, byte[] utf8) {
        Entry e = entries.get(path);
        if (e != null || utf8 == null || entries.size() >= MAX_PATHS) {
            return e;
        }
        return entries.computeIfAbsent(path, p -> new Entry(nextId.getAndIncrement(), utf8));
    }

    /** The current epoch: read it before the header it belongs to (see {@code QueueWriter#numberPaths}). */
    int epoch() {
        return epoch;
    }

    /**
     * Whether {@code e} must be defined in {@code epoch} before a record names it. Pass
     * {@code epoch} to {@link #defined} once the definition is written: until then other threads
     * write it too (a duplicate definition is harmless; a record naming a number whose definition is
     * not yet in the trail is not).
     */
    boolean needsDefinition(Entry e, int epoch) {
        return e.definedInEpoch != epoch;
    }

    /** {@code e}'s definition is in the trail, for {@code epoch} ({@link #needsDefinition}'s answer). */
    void defined(Entry e, int epoch) {
        e.definedInEpoch = epoch;
    }

    void newEpoch() {
        epoch++;
    }
}
