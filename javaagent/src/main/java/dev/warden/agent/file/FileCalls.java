package dev.warden.agent.file;

import dev.warden.bootstrap.FileOp;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Which policy actions a file operation performs on which of its paths (policy.md, "Actions and
 * their targets"): a copy reads its source and writes its target, a move deletes its source, a new
 * link is written and its target read, attribute changes are writes.
 */
public final class FileCalls {

    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int DELETE = 4;

    /** {@code RandomAccessFile} native mode bits (java.io.RandomAccessFile.O_RDWR, O_TEMPORARY). */
    private static final int RAF_O_RDWR = 2;
    private static final int RAF_O_TEMPORARY = 16;

    private FileCalls() {}

    /** The actions on the first path, as a bit set of READ, WRITE and DELETE. */
    public static int onPath(int op, Object extra) {
        switch (op) {
            case FileOp.OPEN_READ:
            case FileOp.LIST:
            case FileOp.COPY:
                return READ;
            case FileOp.OPEN_WRITE:
            case FileOp.CREATE_FILE:
            case FileOp.CREATE_DIRECTORY:
            case FileOp.SET_ATTRIBUTE:
            case FileOp.SYMLINK:
            case FileOp.HARD_LINK:
                return WRITE;
            case FileOp.DELETE:
            case FileOp.MOVE:
                return DELETE;
            case FileOp.OPEN_RANDOM_ACCESS:
                return randomAccess(extra);
            case FileOp.OPEN_NIO:
                return nioOpen(extra);
            default:
                return READ | WRITE | DELETE;
        }
    }

    /** The actions on the second path of a two-path operation. */
    public static int onOther(int op) {
        switch (op) {
            case FileOp.COPY:
            case FileOp.MOVE:
                return WRITE;
            case FileOp.SYMLINK:
                return READ;
            case FileOp.HARD_LINK:
                // A hard link is a second name for the same file: whoever holds it can read and
                // write the file through it (policy.md says read; that would let a read-only file,
                // or Warden's own, be rewritten through a link).
                return READ | WRITE;
            default:
                return 0;
        }
    }

    /** Whether the operation can change how paths resolve (so cached resolutions must go). */
    public static boolean changesTree(int op) {
        return op == FileOp.DELETE || op == FileOp.MOVE || op == FileOp.SYMLINK || op == FileOp.HARD_LINK
                || op == FileOp.COPY || op == FileOp.CREATE_DIRECTORY; // a copy can create a link (NOFOLLOW_LINKS)
    }

    /** Operations on the directory entry itself, not what a link there points to. */
    public static boolean actsOnEntry(int op) {
        return op == FileOp.DELETE || op == FileOp.MOVE || op == FileOp.SYMLINK || op == FileOp.HARD_LINK;
    }

    /** Whether the second path of {@code op} is an entry (replaced by a copy or move) rather than followed. */
    public static boolean otherIsEntry(int op) {
        return op == FileOp.COPY || op == FileOp.MOVE;
    }

    /**
     * Whether a directory to be created already exists: creating it changes nothing, and
     * {@code Files.createDirectories} relies on the OS's "already exists" answer.
     */
    public static boolean isExistingDirectory(Object path) {
        return java.nio.file.Files.isDirectory(java.nio.file.Path.of(PathResolver.raw(path)), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    private static int randomAccess(Object extra) {
        int mode = extra instanceof Integer ? (Integer) extra : RAF_O_RDWR;
        int actions = READ;
        if ((mode & RAF_O_RDWR) != 0) {
            actions |= WRITE;
        }
        if ((mode & RAF_O_TEMPORARY) != 0) {
            actions |= DELETE;
        }
        return actions;
    }

    /** Read unless opened only to write or append; DELETE_ON_CLOSE also deletes. */
    private static int nioOpen(Object extra) {
        if (!(extra instanceof Set)) {
            return READ;
        }
        Set<?> options = (Set<?>) extra;
        boolean write = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
        int actions = 0;
        if (!write || options.contains(StandardOpenOption.READ)) {
            actions |= READ;
        }
        if (write) {
            actions |= WRITE;
        }
        if (options.contains(StandardOpenOption.DELETE_ON_CLOSE)) {
            actions |= DELETE;
        }
        return actions;
    }
}
