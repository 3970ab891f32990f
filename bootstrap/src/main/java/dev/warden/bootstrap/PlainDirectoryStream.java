package dev.warden.bootstrap;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.Iterator;

/**
 * A directory listing without {@link SecureDirectoryStream}'s operations. The platform's secure
 * stream opens, deletes and moves files relative to (or regardless of) its directory through
 * methods of its own, which no other chokepoint sees; handing out this plain view instead makes
 * callers (Guava's {@code MoreFiles.deleteRecursively}, for one) take their ordinary
 * {@code Files} route, which Warden governs.
 */
public final class PlainDirectoryStream implements DirectoryStream<Path> {

    private final DirectoryStream<Path> listing;

    private PlainDirectoryStream(DirectoryStream<Path> listing) {
        this.listing = listing;
    }

    /** {@code stream} itself, unless it is a secure stream: then a plain view of it. */
    public static DirectoryStream<Path> of(DirectoryStream<Path> stream) {
        return stream instanceof SecureDirectoryStream ? new PlainDirectoryStream(stream) : stream;
    }

    @Override
    public Iterator<Path> iterator() {
        return listing.iterator();
    }

    @Override
    public void close() throws IOException {
        listing.close();
    }
}
