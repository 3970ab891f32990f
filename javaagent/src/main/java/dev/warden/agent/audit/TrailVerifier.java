package dev.warden.agent.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Walks a trail's {@link HashChain}s ({@code audit verify}): every excerpt must link to the one
 * before it in its session. The first that does not is reported by its {@code seq} — an altered
 * excerpt fails its own link, a removed one the link of the excerpt after it, a moved one the
 * link where it now stands.
 *
 * <p>A session's chain starts at its header, which follows zeros; it may start later only in the
 * oldest daily file left, where retention removed the days before it (a header repeated there
 * names the hash it follows).
 */
public final class TrailVerifier {

    /** What the walk found: {@code broken} is {@code null} when every link holds. */
    public static final class Result {
        public final long excerpts;
        public final int sessions;
        public final String broken;
        /** The last hash of each session, hex: what an outside copy can anchor. */
        public final Map<Long, String> heads;

        Result(long excerpts, int sessions, String broken, Map<Long, String> heads) {
            this.excerpts = excerpts;
            this.sessions = sessions;
            this.broken = broken;
            this.heads = heads;
        }
    }

    private final MessageDigest sha = HashChain.sha256();
    private final byte[] digest = new byte[32];
    private final Map<Long, byte[]> heads = new HashMap<>();
    private byte[] buffer = new byte[512];

    private TrailVerifier() {}

    public static Result verify(Path dir) throws IOException {
        AuditDirectory.requireTrail(dir);
        ChronicleEnvironment.prepare();
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY)
                .readOnly(true).build()) {
            ChronicleEnvironment.chronicleLoaded();
            return new TrailVerifier().walk(queue);
        } catch (RuntimeException e) {
            throw new IOException("cannot read the audit trail in " + dir + ": " + e.getMessage(), e);
        }
    }

    private Result walk(SingleChronicleQueue queue) {
        int firstCycle = queue.firstCycle();
        long excerpts = 0;
        try (ExcerptTailer tailer = queue.createTailer()) {
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    if (!dc.isData()) {
                        continue;
                    }
                    excerpts++;
                    long seq = dc.index();
                    String problem = check(dc.wire().bytes(), queue.rollCycle().toCycle(seq) == firstCycle);
                    if (problem != null) {
                        return new Result(excerpts, heads.size(), "record " + seq + ": " + problem, hex());
                    }
                }
            }
        }
        return new Result(excerpts, heads.size(), null, hex());
    }

    /** The problem with one excerpt, or {@code null} when it links. */
    private String check(Bytes<?> in, boolean inOldestFile) {
        long start = in.readPosition();
        int length = (int) (in.readLimit() - start);
        if (length < 2) {
            return "is empty";
        }
        if (buffer.length < length) {
            buffer = new byte[Math.max(length, buffer.length * 2)];
        }
        in.read(start, buffer, 0, length);
        byte kind = in.readByte();
        if (!AuditCodec.isChained(kind)) {
            return kind == AuditCodec.UNCHAINED_RECORD || AuditCodec.isDefinition(kind)
                    ? "carries no hash (written before Warden chained its trail)" : "is of unknown kind " + kind;
        }
        long session = in.readStopBit();
        int payload = length - HashChain.LENGTH;
        boolean header = kind == AuditCodec.SESSION;
        if (payload < 1 + (header ? HashChain.LENGTH : 0)) {
            return "is too short to carry its hash";
        }
        byte[] head = heads.get(session);
        byte[] previous;
        if (header) {
            previous = java.util.Arrays.copyOfRange(buffer, payload - HashChain.LENGTH, payload);
            if (head != null && !java.util.Arrays.equals(head, previous)) {
                return "does not follow the record before it in session " + Long.toHexString(session) + " (a record was removed or moved)";
            }
            if (head == null && !zero(previous) && !inOldestFile) {
                return "session " + Long.toHexString(session) + " starts mid-chain: the records before it were removed";
            }
        } else if (head != null) {
            previous = head;
        } else if (inOldestFile) {
            // The files before were removed by retention: this link cannot be checked, the next ones can.
            heads.put(session, java.util.Arrays.copyOfRange(buffer, payload, length));
            return null;
        } else {
            return "session " + Long.toHexString(session) + " has no header before it (its start was removed)";
        }
        HashChain.link(sha, previous, buffer, payload, digest);
        for (int i = 0; i < HashChain.LENGTH; i++) {
            if (digest[i] != buffer[payload + i]) {
                return "its hash does not match: it was altered, or a record before it in session "
                        + Long.toHexString(session) + " was removed or moved";
            }
        }
        heads.put(session, java.util.Arrays.copyOf(digest, HashChain.LENGTH));
        return null;
    }

    private static boolean zero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private Map<Long, String> hex() {
        Map<Long, String> out = new java.util.TreeMap<>();
        for (Map.Entry<Long, byte[]> e : heads.entrySet()) {
            StringBuilder s = new StringBuilder();
            for (byte b : e.getValue()) {
                s.append(String.format("%02x", b));
            }
            out.put(e.getKey(), s.toString());
        }
        return out;
    }
}
