package dev.warden.agent.file;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns the path an application passes into the targets a decision needs, from a cache.
 *
 * <p>Resolving symlinks costs as much as the file operation itself ({@code toRealPath} measured
 * 6.5 µs against 6.3 µs for open + read 4 KiB + close; see shared/design/notes-from-trials.md), so
 * results are cached by the string the application passed. An entry is dropped when Warden sees
 * the application change the file tree in a way that can change a resolution (delete, move,
 * rename, link creation: {@link #invalidate()}), and after {@link #TTL_NANOS} in any case, for
 * changes made by other processes. The JDK's own {@code FilePermission} stopped canonicalizing
 * paths in JDK 9 for the same cost (JDK-8164705).
 */
public final class PathResolver {

    static final long TTL_NANOS = 1_000_000_000L;
    private static final int MAX_ENTRIES = 20_000;

    private final ConcurrentHashMap<String, ResolvedPath> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ResolvedPath> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final String workingDirectory;

    /** @param workingDirectory what relative paths resolve against: {@code user.dir} at start-up, as in {@code java.io.File} */
    public PathResolver(String workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** @param path a {@code String}, {@code File} or {@code Path} of the default file system */
    public ResolvedPath resolve(Object path, long nowNanos) {
        String raw = raw(path);
        ResolvedPath r = cache.get(raw);
        if (r != null && r.generation == generation.get() && nowNanos - r.expiresAtNanos < 0) {
            return r;
        }
        return resolveAndCache(raw, nowNanos);
    }

    /**
     * The directory entry itself, for operations that act on a link rather than through it
     * (delete, rename and move, the destination a copy replaces, a new link): its parent
     * resolved through every symlink, then its own name.
     */
    public ResolvedPath resolveEntry(Object path, long nowNanos) {
        String raw = raw(path);
        ResolvedPath r = entries.get(raw);
        if (r != null && r.generation == generation.get() && nowNanos - r.expiresAtNanos < 0) {
            return r;
        }
        long gen = generation.get();
        Path absolute = Path.of(absolute(raw));
        Path name = absolute.getFileName();
        Path parent = absolute.getParent();
        String real = name == null || parent == null || name.toString().equals("..") || name.toString().equals(".")
                ? RealPaths.of(absolute)
                : Path.of(RealPaths.of(parent)).resolve(name.toString()).toString();
        r = new ResolvedPath(raw, absolute.normalize().toString(), real, gen, nowNanos + TTL_NANOS);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(raw, r);
        return r;
    }

    /** Forgets every resolution: the application changed the file tree. */
    public void invalidate() {
        generation.incrementAndGet();
    }

    private ResolvedPath resolveAndCache(String raw, long nowNanos) {
        long gen = generation.get();
        String absolute = absolute(raw);
        String written = Path.of(absolute).normalize().toString();
        String real = RealPaths.of(Path.of(absolute));
        ResolvedPath r = new ResolvedPath(raw, written, real, gen, nowNanos + TTL_NANOS);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(raw, r);
        return r;
    }

    private String absolute(String raw) {
        return raw.startsWith("/") ? raw : raw.isEmpty() ? workingDirectory : workingDirectory + "/" + raw;
    }

    /**
     * Whether Warden can read {@code path} without running application code: a {@code String}, a
     * {@code File} (read through its field), or a path of the JDK's own file system. Anything else
     * (an application's {@code Path} implementation) the platform provider rejects itself.
     */
    public static boolean readable(Object path) {
        return path instanceof String || path instanceof File
                || (path != null && path.getClass().getName().startsWith("sun.nio.fs."));
    }

    public static String raw(Object path) {
        if (path instanceof String) {
            return (String) path;
        }
        if (path instanceof File) {
            return path.getClass() == File.class ? ((File) path).getPath() : FilePathField.of((File) path);
        }
        return String.valueOf(path);
    }
}
