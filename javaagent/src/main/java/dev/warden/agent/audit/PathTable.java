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

    /** Whether {@code e} must be defined (again) before a record names it; marks it defined. */
    boolean needsDefinition(Entry e) {
        int now = epoch;
        if (e.definedInEpoch == now) {
            return false;
        }
        e.definedInEpoch = now;
        return true;
    }

    void newEpoch() {
        epoch++;
    }
}
