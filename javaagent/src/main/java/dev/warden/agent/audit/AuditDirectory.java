package dev.warden.agent.audit;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on an audit directory, made before Chronicle is involved so that errors name the directory. */
final class AuditDirectory {

    /** The file Chronicle creates when it opens a queue; daily files end in {@code .cq4}. */
    static final String METADATA = "metadata.cq4t";

    private AuditDirectory() {}

    /**
     * Creates {@code dir} owner-only if needed and proves it writable by creating and deleting a
     * file in it ({@code Files.isWritable} answers from permission bits and is wrong for root, for
     * read-only mounts and for ACLs).
     */
    static void prepareForWriting(Path dir) throws IOException {
        try {
            OwnerOnly.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create the audit directory " + dir + ": " + describe(e), e);
        }
        // Not ProcessHandle.current().pid(): initializing ProcessHandle starts a thread pool, and
        // this runs in premain, where every millisecond counts.
        Path probe = dir.resolve(".warden-write-check-" + Long.toHexString(System.nanoTime()));
        try {
            Files.deleteIfExists(probe);
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw new IOException("the audit directory " + dir + " is not writable: " + describe(e), e);
        }
    }

    /** Fails unless {@code dir} is a readable directory holding a Chronicle queue. */
    static void requireTrail(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory");
        }
        if (!Files.isReadable(dir)) {
            throw new AccessDeniedException(dir.toString(), null, "the audit directory is not readable");
        }
        if (Files.exists(dir.resolve(METADATA))) {
            return;
        }
        try (var files = Files.list(dir)) {
            if (files.noneMatch(f -> f.getFileName().toString().endsWith(".cq4"))) {
                throw new IOException(dir + " is not a Warden audit trail (no " + METADATA + " or *.cq4 files in it)");
            }
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }
}
