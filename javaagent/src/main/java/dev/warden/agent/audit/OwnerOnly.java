package dev.warden.agent.audit;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Owner-only permissions for the audit trail: the directory {@code rwx------}, its files
 * {@code rw-------}, where the file system is POSIX (elsewhere the directory's inherited ACL
 * applies).
 *
 * <p>Chronicle creates its files with the process umask (usually {@code rw-r--r--}) and offers no
 * hook before creation. Its {@code metadata.cq4t} is therefore created by Warden first, empty and
 * owner-only, before the queue is built ({@link #createQueueMetadata}): Chronicle initializes an
 * empty metadata file it finds, keeping its mode, so no JVM that exits half-way through opening a
 * queue leaves it readable. Daily files are narrowed right after Chronicle made them (when a write
 * lands in a new one, and once the queue is open); the window in between is closed by the
 * directory itself being owner-only.
 */
final class OwnerOnly {

    static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Creates {@code dir} (and missing parents) owner-only; an existing directory is left as it is. */
    static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        FileAttribute<?>[] attributes = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)}
                : new FileAttribute<?>[0];
        Files.createDirectories(dir, attributes);
        if (POSIX) {
            // The attribute is filtered by the umask; set the exact bits again.
            Files.setPosixFilePermissions(dir, DIRECTORY);
        }
    }

    /**
     * Creates the queue's {@code metadata.cq4t} in {@code dir} empty and owner-only, unless it
     * exists: on POSIX file systems the mode is set as the file is made (the umask only removes
     * bits), so there is no moment at which it is readable by others.
     */
    static void createQueueMetadata(Path dir) {
        if (!POSIX) {
            return;
        }
        try {
            Files.createFile(dir.resolve(AuditDirectory.METADATA), PosixFilePermissions.asFileAttribute(FILE));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // made before (or by another process just now): narrowed with the queue's other files
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Chronicle makes it then, and it is narrowed right after the queue is built
        }
    }

    /** Narrows one file to its owner; failures are ignored (the directory still protects it). */
    static void restrict(File file) {
        if (!POSIX) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file.toPath(), FILE);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // A file owned by someone else (a trail shared between users) keeps its permissions.
        }
    }

    /** Narrows every Chronicle file already in {@code dir}. */
    static void restrictQueueFiles(Path dir) {
        File[] files = dir.toFile().listFiles((d, name) -> name.endsWith(".cq4") || name.endsWith(".cq4t"));
        if (files != null) {
            for (File f : files) {
                restrict(f);
            }
        }
    }
}
