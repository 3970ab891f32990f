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
 * is the only one touching this object, so it needs no lock of its own and allocates nothing.
 */
final class HashChain {

    static final int LENGTH = 16;

    private final MessageDigest sha = sha256();
    private final byte[] digest = new byte[32];
    private byte[] buffer = new byte[512];
    private long sessionKey = Long.MIN_VALUE;
    private final byte[] head = new byte[LENGTH];

    /**
     * Appends the link of the excerpt written into {@code bytes} from {@code start} on. A JVM
     * writes one session, so one head is kept: a new session key starts a new chain.
     */
    void seal(long session, Bytes<?> bytes, long start) {
        if (session != sessionKey) {
            sessionKey = session;
            java.util.Arrays.fill(head, (byte) 0);
        }
        int length = (int) (bytes.writePosition() - start);
        if (buffer.length < length) {
            buffer = new byte[Math.max(length, buffer.length * 2)];
        }
        bytes.read(start, buffer, 0, length);
        link(sha, head, buffer, length, digest);
        bytes.write(digest, 0, LENGTH);
        // Only once the link is written: an excerpt rolled back before this leaves the chain as it was.
        System.arraycopy(digest, 0, head, 0, LENGTH);
    }

    /**
     * {@link #seal} for a session header, which also carries the hash it follows (zeros at the
     * start of a session): a header repeated at the top of a daily file can be checked on its own
     * once retention has removed the files before it.
     */
    void sealHeader(long session, Bytes<?> bytes, long start) {
        if (session != sessionKey) {
            sessionKey = session;
            java.util.Arrays.fill(head, (byte) 0);
        }
        bytes.write(head, 0, LENGTH);
        seal(session, bytes, start);
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
