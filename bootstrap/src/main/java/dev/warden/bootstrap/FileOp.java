package dev.warden.bootstrap;

/**
 * The file operations advice reports to {@link Gate}. Each maps to one or more policy actions
 * ({@code file.read}, {@code file.write}, {@code file.delete}) in the agent.
 */
public final class FileOp {
    /** Open to read: {@code FileInputStream}, read-only {@code RandomAccessFile}. */
    public static final int OPEN_READ = 1;
    /** Open to write, create or truncate: {@code FileOutputStream}. */
    public static final int OPEN_WRITE = 2;
    /** {@code RandomAccessFile} with its native mode bits in {@code extra}. */
    public static final int OPEN_RANDOM_ACCESS = 3;
    /** NIO open with a {@code Set<OpenOption>} in {@code extra}. */
    public static final int OPEN_NIO = 4;
    /** Create a new, empty file. */
    public static final int CREATE_FILE = 5;
    /** Create a directory. */
    public static final int CREATE_DIRECTORY = 6;
    /** List a directory. */
    public static final int LIST = 7;
    /** Delete a file or directory. */
    public static final int DELETE = 8;
    /** Change attributes, permissions or times. */
    public static final int SET_ATTRIBUTE = 9;
    /** Copy {@code path} to {@code other}. */
    public static final int COPY = 10;
    /** Move or rename {@code path} to {@code other}. */
    public static final int MOVE = 11;
    /** Create a symbolic link at {@code path} pointing to {@code other}. */
    public static final int SYMLINK = 12;
    /** Create a hard link at {@code path} to the existing file {@code other}. */
    public static final int HARD_LINK = 13;

    private FileOp() {}
}
