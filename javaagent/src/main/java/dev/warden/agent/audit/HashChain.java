package dev.warden.agent.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The hash chain that makes a trail tamper-evident: every excerpt (call record, session header,
 * path definition) ends in {@value #LENGTH} bytes, the first half of
 * {@code SHA-256(previous hash of the same session ‖ this excerpt's other bytes)}; a session's
 * chain starts from {@value #LENGTH} zero bytes. A record altered, removed or moved no longer links
 * to its neighbours, which {@code audit verify} ({@link TrailVerifier}) reports. The session header
 * is a link too, so the policy version it names is covered as well; it also carries the hash it
 * follows ({@link #sealHeader}).
 *
 * <p>Chains are per session because several JVMs may append to one directory; within a JVM the
 * excerpts of a session are chained in the queue's order because {@link #seal} runs inside
 * Chronicle's {@code writingDocument}, which holds the queue's write lock: the one writer at a time
 * is the only one touching this object, so it needs no lock of its own.
 *
 * <p>One JVM writes several session keys: each policy version has its own header, and a call
 * decided before a reload is recorded under the old one after the new one's records began (see
 * {@code QueueWriter#numberPaths}). So a head is kept per key — a record of the old key must link
 * to the old key's last excerpt, not start its chain again. Writing under the same key as the last
 * excerpt (every append between reloads) looks nothing up and allocates nothing; a key seen for the
 * first time (a reload) adds a head.
 */
final class HashChain {

    static final int LENGTH = 16;

    private final MessageDigest sha = sha256();
    private final byte[] digest = new byte[32];
    private byte[] buffer = new byte[512];
    /** See {@link #payload()}; used by one writer at a time (the queue's write lock), on many threads. */
    private final Bytes<byte[]> scratch = Bytes.allocateElasticOnHeap(512);

    HashChain() {
        scratch.singleThreadedCheckDisabled(true);
    }
    /** The session keys this JVM wrote, and each one's last link; {@link #last} indexes the latest used. */
    private long[] keys = new long[4];
    private byte[][] heads = new byte[4][];
    private int count;
    private int last = -1;

    /** The last link of {@code session}'s chain (zeros for a session not written yet), to be updated in place. */
    private byte[] head(long session) {
        if (last >= 0 && keys[last] == session) {
            return heads[last];
        }
        for (int i = 0; i < count; i++) {
            if (keys[i] == session) {
                last = i;
                return heads[i];
            }
        }
        if (count == keys.length) {
            keys = java.util.Arrays.copyOf(keys, count * 2);
            heads = java.util.Arrays.copyOf(heads, count * 2);
        }
        keys[count] = session;
        heads[count] = new byte[LENGTH];
        last = count++;
        return heads[last];
    }

    /**
     * Where an excerpt's payload is written first: on the heap, reused, emptied here. {@link #seal}
     * hashes it there and copies it into the excerpt, so the mapped file is only ever written
     * forward, never read back. (Reading an excerpt back with Chronicle's absolute
     * {@code read(offset, byte[], …)} crashed the JVM with SIGSEGV when the excerpt straddled a
     * 256 MiB chunk of the daily file: Chronicle had moved on to the next chunk's mapping and read
     * the offset below its start — seen in the HTTP benchmark at ~750,000 records in one day.)
     */
    Bytes<?> payload() {
        scratch.clear();
        return scratch;
    }

    /**
     * Writes the payload written into {@link #payload()} to {@code excerpt}, followed by its link
     * in {@code session}'s chain.
     */
    void seal(long session, Bytes<?> excerpt) {
        byte[] head = head(session);
        int length = (int) scratch.readRemaining();
        if (buffer.length < length) {
            buffer = new byte[Math.max(length, buffer.length * 2)];
        }
        scratch.read(buffer, 0, length);
        link(sha, head, buffer, length, digest);
        excerpt.write(buffer, 0, length);
        excerpt.write(digest, 0, LENGTH);
        // Only once the link is written: an excerpt rolled back before this leaves the chain as it was.
        System.arraycopy(digest, 0, head, 0, LENGTH);
    }

    /**
     * {@link #seal} for a session header, which also carries the hash it follows (zeros at the
     * start of a session): a header repeated at the top of a daily file can be checked on its own
     * once retention has removed the files before it.
     */
    void sealHeader(long session, Bytes<?> excerpt) {
        scratch.write(head(session), 0, LENGTH);
        seal(session, excerpt);
    }

    /** {@code SHA-256(previous ‖ payload[0, length))} into {@code out} (32 bytes). */
    static void link(MessageDigest sha, byte[] previous, byte[] payload, int length, byte[] out) {
        sha.reset();
        sha.update(previous, 0, LENGTH);
        sha.update(payload, 0, length);
        try {
            sha.digest(out, 0, out.length);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
