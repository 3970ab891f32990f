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
 * hook before creation, so files are narrowed right after: the queue's store-file listener does it
 * when a daily file is first acquired, and the trail does it for {@code metadata.cq4t} once the
 * queue is open. The window in between is closed by the directory itself being owner-only.
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
