package dev.warden.bootstrap;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.util.Iterator;
import java.util.Set;

/**
 * The platform's {@link SecureDirectoryStream}, with each of its own operations decided like the
 * {@code Files} call it stands for. Its open, delete and move work relative to the open directory
 * and pass no other chokepoint; here each goes through the {@link Gate} first, on the path it
 * names (relative names resolved against the directory the stream was opened on). Attribute views
 * are those of the file system provider, whose writes are governed.
 */
public final class GovernedDirectoryStream implements SecureDirectoryStream<Path> {

    private final SecureDirectoryStream<Path> stream;
    private final Path dir;

    private GovernedDirectoryStream(SecureDirectoryStream<Path> stream, Path dir) {
        this.stream = stream;
        this.dir = dir;
    }

    /** {@code listing} itself, unless it is a secure stream: then the governed one. */
    @SuppressWarnings("unchecked")
    public static DirectoryStream<Path> of(DirectoryStream<Path> listing, Object dir) {
        if (listing instanceof SecureDirectoryStream && dir instanceof Path && !(listing instanceof GovernedDirectoryStream)) {
            return new GovernedDirectoryStream((SecureDirectoryStream<Path>) listing, (Path) dir);
        }
        return listing;
    }

    private Path resolve(Path p) {
        return p.isAbsolute() ? p : dir.resolve(p);
    }

    @Override
    public SecureDirectoryStream<Path> newDirectoryStream(Path path, LinkOption... options) throws IOException {
        Path target = resolve(path);
        SecureDirectoryStream<Path> inner = governed(FileOp.LIST, target, null, null, () -> stream.newDirectoryStream(path, options));
        return new GovernedDirectoryStream(inner, target);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        @SuppressWarnings("unchecked")
        Set<? extends OpenOption> copy = (Set<? extends OpenOption>) Gate.openOptions(options);
        return governed(FileOp.OPEN_NIO, resolve(path), null, copy, () -> stream.newByteChannel(path, copy, attrs));
    }

    @Override
    public void deleteFile(Path path) throws IOException {
        governed(FileOp.DELETE, resolve(path), null, null, () -> {
            stream.deleteFile(path);
            return null;
        });
    }

    @Override
    public void deleteDirectory(Path path) throws IOException {
        governed(FileOp.DELETE, resolve(path), null, null, () -> {
            stream.deleteDirectory(path);
            return null;
        });
    }

    @Override
    public void move(Path source, SecureDirectoryStream<Path> targetDir, Path target) throws IOException {
        SecureDirectoryStream<Path> rawTarget = targetDir;
        Path targetPath = target;
        if (targetDir instanceof GovernedDirectoryStream) {
            GovernedDirectoryStream g = (GovernedDirectoryStream) targetDir;
            rawTarget = g.stream;
            targetPath = g.resolve(target);
        } else if (!target.isAbsolute()) {
            // A directory Warden does not know the path of: refuse rather than guess.
            throw new java.nio.file.AccessDeniedException(target.toString(), null,
                    "Warden cannot decide a move into a directory stream it did not open");
        }
        SecureDirectoryStream<Path> into = rawTarget;
        governed(FileOp.MOVE, resolve(source), targetPath, null, () -> {
            stream.move(source, into, target);
            return null;
        });
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Class<V> type) {
        return dir.getFileSystem().provider().getFileAttributeView(dir, type);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        Path target = resolve(path);
        return target.getFileSystem().provider().getFileAttributeView(target, type, options);
    }

    @Override
    public Iterator<Path> iterator() {
        return stream.iterator();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }

    /** One operation of the stream: decided through the {@link Gate}, done, and its outcome recorded. */
    private static <T> T governed(int op, Path path, Path other, Object extra, Operation<T> operation) throws IOException {
        long token = enter(op, path, other, extra);
        try {
            T result = operation.run();
            Gate.exit(token, null);
            return result;
        } catch (IOException | RuntimeException | Error e) {
            Gate.exit(token, e);
            throw e;
        }
    }

    private interface Operation<T> {
        T run() throws IOException;
    }

    private static long enter(int op, Path path, Path other, Object extra) throws IOException {
        try {
            return Gate.file(op, path, other, extra, Gate.API_NIO);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
