package dev.warden.agent.audit;

import java.io.IOException;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The binary form of an {@link AuditRecord} inside one Chronicle excerpt.
 *
 * <p>Raw {@code Bytes} rather than Chronicle's wire marshalling or generated method writers: the
 * final jar relocates {@code net.openhft}, and the generated code does not survive relocation (see
 * {@code shared/design/notes-from-trials.md}). Layout, version 1: a version byte, the time as a
 * stop-bit long, then every field in declaration order; strings as {@code writeUtf8} (which
 * encodes {@code null}), arrays as a stop-bit count followed by their elements. {@code seq} is not
 * stored: it is the excerpt's index. A later version (a hash chain for {@code audit verify}) bumps
 * the version byte; readers refuse versions they do not know rather than misread them.
 */
public final class AuditCodec {

    public static final byte VERSION = 1;

    /** A {@code monitor} count that stands for {@code null} (no monitor rules), distinct from an empty list. */
    private static final long NO_MONITOR = -1;

    private AuditCodec() {}

    /** Appends {@code r} to {@code out}; allocates nothing. */
    public static void write(AuditRecord r, Bytes<?> out) {
        out.writeByte(VERSION);
        out.writeStopBit(r.timeEpochNanos);
        out.writeUtf8(r.agent);
        out.writeUtf8(r.role);
        out.writeUtf8(r.session);
        out.writeUtf8(r.thread);
        out.writeUtf8(r.action);
        writeArray(r.targets, r.targetCount, out);
        writeArray(r.denied, r.deniedCount, out);
        out.writeUtf8(r.decision);
        out.writeUtf8(r.rule);
        out.writeUtf8(r.policy);
        out.writeUtf8(r.reason);
        if (r.monitor == null) {
            out.writeStopBit(NO_MONITOR);
        } else {
            writeArray(r.monitor, r.monitor.length, out);
        }
        out.writeUtf8((CharSequence) r.detail);
        out.writeUtf8(r.outcome);
        out.writeUtf8(r.error);
        out.writeStopBit(r.durationNs);
        out.writeUtf8(r.caller);
    }

    /**
     * Reads one record from {@code in} into {@code r} (cleared first); {@code seq} is left to the
     * caller. Throws when the record was written by a format this version does not know.
     */
    public static void read(Bytes<?> in, AuditRecord r) throws IOException {
        r.clear();
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IOException("audit record format " + version + " is not readable by this version of"
                    + " Warden (it reads format " + VERSION + ")");
        }
        r.timeEpochNanos = in.readStopBit();
        r.agent = in.readUtf8();
        r.role = in.readUtf8();
        r.session = in.readUtf8();
        r.thread = in.readUtf8();
        r.action = in.readUtf8();
        for (long n = in.readStopBit(); n > 0; n--) {
            r.addTarget(in.readUtf8());
        }
        for (long n = in.readStopBit(); n > 0; n--) {
            r.addDenied(in.readUtf8());
        }
        r.decision = in.readUtf8();
        r.rule = in.readUtf8();
        r.policy = in.readUtf8();
        r.reason = in.readUtf8();
        long monitors = in.readStopBit();
        if (monitors != NO_MONITOR) {
            r.monitor = new String[(int) monitors];
            for (int i = 0; i < monitors; i++) {
                r.monitor[i] = in.readUtf8();
            }
        }
        in.readUtf8(r.detail);
        r.outcome = in.readUtf8();
        r.error = in.readUtf8();
        r.durationNs = in.readStopBit();
        r.caller = in.readUtf8();
    }

    private static void writeArray(String[] values, int count, Bytes<?> out) {
        out.writeStopBit(count);
        for (int i = 0; i < count; i++) {
            out.writeUtf8(values[i]);
        }
    }
}
