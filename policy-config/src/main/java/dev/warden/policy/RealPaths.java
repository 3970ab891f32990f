package dev.warden.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves symlinks the way policy.md's Paths paragraph describes: every link on the way is
 * followed, a dangling last link too (its link text is resolved), and the part of the path that does
 * not exist yet is kept as written. Used at load time and by {@code policy explain}, never on the
 * hot path ({@code toRealPath} costs as much as the file operation itself).
 */
final class RealPaths {

    /** The kernel's limit on links followed in one lookup (Linux {@code MAXSYMLINKS}). */
    private static final int MAX_LINKS = 40;

    private RealPaths() {}

    /** The real path of an absolute, normalized path, resolved as far as it exists. */
    static Path resolve(Path absolute) {
        return resolve(absolute, 0);
    }

    private static Path resolve(Path absolute, int depth) {
        Deque<Path> missing = new ArrayDeque<>();
        Path p = absolute;
        while (p != null) {
            try {
                return append(p.toRealPath(), missing);
            } catch (IOException | SecurityException e) {
                Path dangling = linkTarget(p);
                if (dangling != null && depth < MAX_LINKS) {
                    return append(resolve(dangling, depth + 1), missing);
                }
                if (p.getFileName() != null) {
                    missing.push(p.getFileName());
                }
                p = p.getParent();
            }
        }
        return absolute;
    }

    /** Where a symbolic link at {@code p} points (absolute, normalized), or {@code null} if it is no link. */
    private static Path linkTarget(Path p) {
        try {
            if (!Files.isSymbolicLink(p)) {
                return null;
            }
            Path text = Files.readSymbolicLink(p);
            Path base = p.getParent() != null ? p.getParent() : p.getRoot();
            return base.resolve(text).normalize();
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static Path append(Path base, Deque<Path> missing) {
        Path out = base;
        for (Path part : missing) {
            out = out.resolve(part.toString());
        }
        return out.normalize();
    }
}
