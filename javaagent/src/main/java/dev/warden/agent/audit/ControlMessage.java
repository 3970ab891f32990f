package dev.warden.agent.audit;

import java.util.Objects;

/**
 * One message of the control channel, from the command line to every agent process writing to an
 * audit directory: {@code suspend}, {@code resume}, {@code session revoke ID}, {@code approve ID},
 * {@code reject ID}, with who sent it and when.
 */
public final class ControlMessage {

    /** What a message asks; the byte is its code in the channel (never reuse one). */
    public enum Kind {
        SUSPEND(1, false), RESUME(2, false), REVOKE_SESSION(3, true), APPROVE(4, true), REJECT(5, true);

        final byte code;
        /** Whether the message names a session or an approval request. */
        final boolean hasSubject;

        Kind(int code, boolean hasSubject) {
            this.code = (byte) code;
            this.hasSubject = hasSubject;
        }

        static Kind of(byte code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            return null;
        }
    }

    public final Kind kind;
    /** The session id or approval id; {@code null} for suspend and resume. */
    public final String subject;
    /** Who sent it ({@code --by}, else the OS user). */
    public final String by;
    public final long epochMillis;

    public ControlMessage(Kind kind, String subject, String by, long epochMillis) {
        this.kind = Objects.requireNonNull(kind);
        if (kind.hasSubject == (subject == null)) {
            throw new IllegalArgumentException(kind + (kind.hasSubject ? " needs an id" : " takes no id"));
        }
        this.subject = subject;
        this.by = Objects.requireNonNull(by);
        this.epochMillis = epochMillis;
    }

    @Override
    public String toString() {
        return kind + (subject == null ? "" : " " + subject) + " by " + by;
    }
}
