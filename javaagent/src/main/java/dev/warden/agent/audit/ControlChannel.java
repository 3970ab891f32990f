package dev.warden.agent.audit;

import java.io.IOException;
import java.nio.file.Path;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The control channel: a second Chronicle Queue, {@code <audit dir>/control/}, that the command
 * line appends {@link ControlMessage}s to and every agent process writing to that audit directory
 * tails — Chronicle Queue is built for this kind of inter-process messaging, and the channel needs
 * no port, no daemon and no permissions beyond the audit directory's (owner-only, like the trail).
 */
public final class ControlChannel implements AutoCloseable {

    /** The channel's directory inside the audit directory. */
    public static final String DIRECTORY = "control";

    /** Receives what {@link #poll} reads. */
    public interface Handler {
        void message(long index, ControlMessage m);

        /** An excerpt that is no control message this version can read: skipped. */
        void unreadable(long index, String problem);
    }

    private final Path dir;
    private final ChronicleQueue queue;
    private ExcerptTailer tailer; // the one reading thread's

    private ControlChannel(Path dir, ChronicleQueue queue) {
        this.dir = dir;
        this.queue = queue;
    }

    /**
     * The command line's way in: the channel of {@code auditDir}, which must already be an audit
     * trail (a mistyped directory must not get a channel no agent reads). Cheap: the trail itself is
     * not read.
     */
    public static ControlChannel openOfTrail(Path auditDir) throws IOException {
        AuditDirectory.requireTrail(auditDir);
        return open(auditDir);
    }

    /** Opens (creating it owner-only if needed) the channel of the audit directory {@code auditDir}. */
    public static ControlChannel open(Path auditDir) throws IOException {
        Path dir = auditDir.toAbsolutePath().normalize().resolve(DIRECTORY);
        try {
            OwnerOnly.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create the control channel " + dir + ": " + e.getMessage(), e);
        }
        OwnerOnly.createQueueMetadata(dir);
        ChronicleEnvironment.prepare();
        ChronicleQueue queue;
        try {
            queue = SingleChronicleQueueBuilder.binary(dir)
                    .rollCycle(RollCycles.FAST_DAILY)
                    .build();
        } catch (RuntimeException e) {
            throw new IOException("cannot open the control channel " + dir + ": " + e.getMessage(), e);
        } finally {
            ChronicleEnvironment.chronicleLoaded();
        }
        OwnerOnly.restrictQueueFiles(dir);
        return new ControlChannel(dir, queue);
    }

    public Path directory() {
        return dir;
    }

    /** Appends {@code m}; every agent tailing the channel reads it within its poll interval. */
    public void send(ControlMessage m) {
        try (ExcerptAppender appender = queue.createAppender(); DocumentContext dc = appender.writingDocument()) {
            ControlCodec.write(m, dc.wire().bytes());
        }
        // Chronicle creates files with the umask; the directory is owner-only meanwhile.
        OwnerOnly.restrictQueueFiles(dir);
    }

    /**
     * Hands the next excerpt to {@code handler}; {@code false} when there is none yet. Only one
     * thread may poll a channel.
     */
    public boolean poll(Handler handler) {
        if (tailer == null) {
            tailer = queue.createTailer();
        }
        ControlMessage m;
        long index;
        String problem = null;
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return false;
            }
            index = dc.index();
            if (!dc.isData()) {
                return true; // Chronicle's own metadata
            }
            try {
                m = ControlCodec.read(dc.wire().bytes());
            } catch (IOException e) {
                m = null;
                problem = e.getMessage();
            }
        }
        if (m != null) {
            handler.message(index, m);
        } else {
            handler.unreadable(index, problem);
        }
        return true;
    }

    @Override
    public void close() {
        if (tailer != null) {
            tailer.close();
        }
        queue.close();
    }
}
