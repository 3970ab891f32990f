package dev.warden.agent.audit;

import java.io.IOException;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The binary form of a {@link ControlMessage} in one excerpt of the control queue: the format byte
 * {@value #FORMAT}, the kind's code, the time (stop-bit milliseconds), the subject and the sender
 * ({@code writeUtf8}). Raw bytes, like the trail's records (see {@link AuditCodec}). Anything else
 * — another format, an unknown kind, a truncated or damaged excerpt — is refused with the reason,
 * so the agent skips and reports it instead of acting on a guess.
 */
final class ControlCodec {

    static final byte FORMAT = 1;

    private ControlCodec() {}

    static void write(ControlMessage m, Bytes<?> out) {
        out.writeByte(FORMAT);
        out.writeByte(m.kind.code);
        out.writeStopBit(m.epochMillis);
        out.writeUtf8(m.subject);
        out.writeUtf8(m.by);
    }

    static ControlMessage read(Bytes<?> in) throws IOException {
        try {
            if (in.readRemaining() < 2) {
                throw new IOException("too short (" + in.readRemaining() + " bytes)");
            }
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IOException("control message format " + format + " is not readable by this version of Warden"
                        + " (it reads format " + FORMAT + ")");
            }
            byte code = in.readByte();
            ControlMessage.Kind kind = ControlMessage.Kind.of(code);
            if (kind == null) {
                throw new IOException("unknown control message kind " + code);
            }
            long millis = in.readStopBit();
            String subject = in.readUtf8();
            String by = in.readUtf8();
            if (by == null || (kind.hasSubject && (subject == null || subject.isBlank()))) {
                throw new IOException(kind + " message without " + (by == null ? "a sender" : "an id"));
            }
            return new ControlMessage(kind, kind.hasSubject ? subject : null, by, millis);
        } catch (RuntimeException damaged) {
            // Chronicle throws unchecked exceptions on a truncated stop-bit or string.
            throw new IOException("damaged: " + damaged, damaged);
        }
    }
}
