package dev.warden.agent.audit;

import java.io.IOException;
import java.util.Map;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The binary form of an {@link AuditRecord} inside one Chronicle excerpt.
 *
 * <p>Raw {@code Bytes} rather than Chronicle's wire marshalling or generated method writers: the
 * final jar relocates {@code net.openhft}, and the generated code does not survive relocation (see
 * {@code shared/design/notes-from-trials.md}). Two kinds of excerpt, told apart by their first
 * byte: a {@link SessionHeader} ({@value #SESSION}: key, agent, role, session, policy), and a call
 * record (version {@value #VERSION}: the header's key and the time as stop-bit longs, then the other
 * fields in declaration order; format 6 added the named session and the approval id at the end, and format 3 is still read). Strings are {@code writeUtf8} (which encodes {@code null}); the
 * vocabulary fields (action, decision, rule, outcome: ASCII by construction) are {@code write8bit},
 * which copies a compact string's bytes without the UTF-8 length scan. Arrays are a
 * stop-bit count followed by their elements. {@code seq} is not stored: it is the excerpt's index.
 * Every excerpt ends in its {@link HashChain} link, which readers skip. A later format bumps the
 * kind bytes; readers refuse kinds they do not know rather than misread them.
 */
public final class AuditCodec {

    /** Chained (a {@link HashChain} link ends it) and with the optional fields (named session, approval id). */
    public static final byte VERSION = 6;
    /** The first byte of a session header excerpt. */
    public static final byte SESSION = 7;
    /** The first byte of a path definition excerpt: session key, number, path. */
    public static final byte PATH = 8;
    /**
     * The same three kinds as written before the hash chain (without its {@link HashChain} link):
     * still readable, and reported by {@code audit verify} as unchained.
     */
    static final byte UNCHAINED_RECORD = 3;
    static final byte UNCHAINED_SESSION = 4;
    static final byte UNCHAINED_PATH = 5;

    /** Format 6's last byte: which of its optional fields follow. */
    private static final int NAMED_SESSION = 1;
    private static final int APPROVAL = 2;

    /** A {@code monitor} count that stands for {@code null} (no monitor rules), distinct from an empty list. */
    private static final long NO_MONITOR = -1;

    private AuditCodec() {}

    /** Appends {@code r} to {@code out}; allocates nothing. */
    public static void write(AuditRecord r, Bytes<?> out) {
        out.writeByte(VERSION);
        out.writeStopBit(r.sessionKey);
        out.writeStopBit(r.timeEpochNanos);
        writeUtf8(out, r.thread, r.threadUtf8);
        out.write8bit(r.action);
        out.writeStopBit(r.targetCount);
        for (int i = 0; i < r.targetCount; i++) {
            // 0 and the path, or the number of a path defined by a PATH excerpt.
            out.writeStopBit(r.targetIds[i]);
            if (r.targetIds[i] == 0) {
                writeUtf8(out, r.targets[i], r.targetsUtf8[i]);
            }
        }
        writeArray(r.denied, r.deniedCount, out);
        out.write8bit(r.decision);
        out.write8bit(r.rule);
        out.writeUtf8(r.reason);
        if (r.monitor == null) {
            out.writeStopBit(NO_MONITOR);
        } else {
            writeArray(r.monitor, r.monitor.length, out);
        }
        if (r.detailUtf8 != null) {
            writeUtf8(out, null, r.detailUtf8);
        } else {
            out.writeUtf8((CharSequence) r.detail);
        }
        out.write8bit(r.outcome);
        out.writeUtf8(r.error);
        out.writeStopBit(r.durationNs);
        out.writeUtf8(r.caller);
        writeExtras(r, out);
    }

    /**
     * Format 6: a session the application named, and an approval request's id, behind one byte
     * saying which are there (most records have neither: nothing more to encode). A method of its
     * own keeps {@link #write} small enough for the JIT to inline it into the append.
     */
    private static void writeExtras(AuditRecord r, Bytes<?> out) {
        if (r.namedSession == null && r.approval == null) {
            out.writeByte((byte) 0);
            return;
        }
        out.writeByte((byte) ((r.namedSession != null ? NAMED_SESSION : 0) | (r.approval != null ? APPROVAL : 0)));
        if (r.namedSession != null) {
            out.writeUtf8(r.namedSession);
        }
        if (r.approval != null) {
            out.write8bit(r.approval);
        }
    }

    /**
     * Reads one excerpt: a session header goes into {@code sessions} and the method answers
     * {@code false}; a call record goes into {@code r} (cleared first, its session's fields filled
     * from {@code sessions}) and it answers {@code true}. {@code seq} is left to the caller. Throws
     * when the excerpt was written by a format this version does not know.
     */
    static boolean read(Bytes<?> in, AuditRecord r, TrailDictionary dictionary) throws IOException {
        r.clear();
        byte kind = in.readByte();
        if (isDefinition(kind)) {
            learn(kind, in, dictionary);
            return false;
        }
        Map<Long, SessionHeader> sessions = dictionary.sessions;
        if (kind != VERSION && kind != UNCHAINED_RECORD) {
            throw new IOException("audit record format " + kind + " is not readable by this version of"
                    + " Warden (it reads formats " + UNCHAINED_RECORD + " and " + VERSION + ")");
        }
        r.sessionKey = in.readStopBit();
        SessionHeader h = sessions.get(r.sessionKey);
        if (h != null) {
            h.fill(r);
        }
        r.timeEpochNanos = in.readStopBit();
        r.thread = in.readUtf8();
        r.action = in.read8bit();
        for (long n = in.readStopBit(); n > 0; n--) {
            long id = in.readStopBit();
            r.addTarget(id == 0 ? in.readUtf8() : dictionary.path(r.sessionKey, id));
        }
        for (long n = in.readStopBit(); n > 0; n--) {
            r.addDenied(in.readUtf8());
        }
        r.decision = in.read8bit();
        r.rule = in.read8bit();
        r.reason = in.readUtf8();
        long monitors = in.readStopBit();
        if (monitors != NO_MONITOR) {
            r.monitor = new String[(int) monitors];
            for (int i = 0; i < monitors; i++) {
                r.monitor[i] = in.readUtf8();
            }
        }
        in.readUtf8(r.detail);
        r.outcome = in.read8bit();
        r.error = in.readUtf8();
        r.durationNs = in.readStopBit();
        r.caller = in.readUtf8();
        if (kind == VERSION) {
            byte extras = in.readByte();
            if ((extras & NAMED_SESSION) != 0) {
                r.namedSession = in.readUtf8();
                r.session = r.namedSession;
            }
            if ((extras & APPROVAL) != 0) {
                r.approval = in.read8bit();
            }
        }
        return true;
    }

    /** Appends a session header record. */
    public static void writeSession(SessionHeader h, Bytes<?> out) {
        out.writeByte(SESSION);
        out.writeStopBit(h.key);
        out.writeUtf8(h.agent);
        out.writeUtf8(h.role);
        out.writeUtf8(h.session);
        out.writeUtf8(h.policy);
    }

    /** Appends a path definition: records of session {@code sessionKey} name {@code utf8} as {@code id}. */
    static void writePath(long sessionKey, int id, byte[] utf8, Bytes<?> out) {
        out.writeByte(PATH);
        out.writeStopBit(sessionKey);
        out.writeStopBit(id);
        writeUtf8(out, null, utf8);
    }

    /** Learns a dictionary excerpt (header or path) into {@code d}; ignores call records. */
    static void dictionaryOnly(Bytes<?> in, TrailDictionary d) {
        byte kind = in.readByte();
        if (isDefinition(kind)) {
            learn(kind, in, d);
        }
    }

    static boolean isDefinition(byte kind) {
        return kind == SESSION || kind == PATH || kind == UNCHAINED_SESSION || kind == UNCHAINED_PATH;
    }

    /** Whether excerpts of this kind end in a {@link HashChain} link. */
    static boolean isChained(byte kind) {
        return kind == VERSION || kind == SESSION || kind == PATH;
    }

    private static void learn(byte kind, Bytes<?> in, TrailDictionary d) {
        if (kind == SESSION || kind == UNCHAINED_SESSION) {
            SessionHeader h = readSession(in);
            d.sessions.put(h.key, h);
        } else {
            long key = in.readStopBit();
            long id = in.readStopBit();
            d.path(key, id, in.readUtf8());
        }
    }

    private static SessionHeader readSession(Bytes<?> in) {
        long key = in.readStopBit();
        return new SessionHeader(key, in.readUtf8(), in.readUtf8(), in.readUtf8(), in.readUtf8());
    }

    /**
     * {@code writeUtf8}'s own layout (a stop-bit byte length, then the UTF-8 bytes), copied in one go
     * when the encoding is at hand: Chronicle encodes character by character into mapped memory,
     * which cost ~1 µs for a 45-character path, most of a record's cost.
     */
    static void writeUtf8(Bytes<?> out, String s, byte[] utf8) {
        if (utf8 != null) {
            out.writeStopBit(utf8.length);
            out.write(utf8);
        } else {
            out.writeUtf8(s);
        }
    }

    private static void writeArray(String[] values, int count, Bytes<?> out) {
        out.writeStopBit(count);
        for (int i = 0; i < count; i++) {
            out.writeUtf8(values[i]);
        }
    }
}
