package dev.warden.agent.audit;

import java.util.Arrays;

/**
 * One audit record: a governed call's decision and, once it returned or threw, its outcome.
 *
 * <p>Mutable on purpose: each thread reuses one instance per call it is governing, so writing a
 * record allocates nothing. Field meanings are the contract in {@code shared/design/audit.md};
 * {@code null} means "not applicable" and is left out of the JSON export.
 */
public final class AuditRecord {
    /** Filled in by the reader: the record's position in the trail (Chronicle index). */
    public long seq;
    /** The {@link SessionHeader} this record belongs to: agent, role, session and policy are written there. */
    public long sessionKey;
    /**
     * The header {@link #sessionKey} names, when the writer may not know it: a call decided under
     * a policy that a reload replaced before the call ended. Not stored; the writer writes it first.
     */
    public SessionHeader header;
    /** When the call was made, nanoseconds since the epoch (UTC). */
    public long timeEpochNanos;
    public String agent;
    public String role;
    public String session;
    public String thread;
    /** {@link #thread} already encoded as UTF-8, or {@code null}. */
    public byte[] threadUtf8;
    public String action;
    /** The targets; only the first {@code targetCount} are used. */
    public String[] targets = new String[2];
    /** The targets already encoded as UTF-8, where the caller has them cached (else {@code null} entries). */
    public byte[][] targetsUtf8 = new byte[2][];
    /** Set by the trail writer: the number a target is written as (0: written in full). */
    int[] targetIds = new int[2];
    public int targetCount;
    /** For calls with several targets: the refused ones; only the first {@code deniedCount} are used. */
    public String[] denied = new String[2];
    public int deniedCount;
    /** allow, deny, would-deny, pending, approved, rejected, error. */
    public String decision;
    public String rule;
    public String policy;
    public String reason;
    /** Names of matching {@code effect = monitor} (and monitored) rules; may be {@code null}. */
    public String[] monitor;
    /** Inspected parameters, never secrets; reused builder, empty when none. */
    public final StringBuilder detail = new StringBuilder(64);
    /** {@link #detail} already encoded as UTF-8, or {@code null}. */
    public byte[] detailUtf8;
    /** ok, failed, blocked; {@code null} on a decision-only record (the outcome follows later). */
    public String outcome;
    public String error;
    /** How long the call itself took; -1 when unknown (decision-only or blocked). */
    public long durationNs = -1;
    /** The first application frame; {@code null} unless recorded. */
    public String caller;
    /** The id of the approval request this record is about ({@code pending}, {@code approved}, {@code rejected}); else {@code null}. */
    public String approval;
    /**
     * The session the application named ({@code WardenSession}), which overrides the session
     * header's process session; {@code null} for the process session. The reader puts it into
     * {@link #session} too.
     */
    public String namedSession;

    public void clear() {
        seq = 0;
        sessionKey = 0;
        header = null;
        timeEpochNanos = 0;
        agent = role = session = thread = action = null;
        threadUtf8 = detailUtf8 = null;
        Arrays.fill(targets, 0, targetCount, null);
        Arrays.fill(targetsUtf8, 0, targetCount, null);
        Arrays.fill(targetIds, 0, targetCount, 0);
        targetCount = 0;
        Arrays.fill(denied, 0, deniedCount, null);
        deniedCount = 0;
        decision = rule = policy = reason = outcome = error = caller = approval = namedSession = null;
        monitor = null;
        detail.setLength(0);
        durationNs = -1;
    }

    public void addTarget(String target) {
        addTarget(target, null);
    }

    /** Adds a target with its UTF-8 encoding, which the trail then copies instead of encoding. */
    public void addTarget(String target, byte[] utf8) {
        if (targetCount == targets.length) {
            targets = Arrays.copyOf(targets, targetCount * 2);
            targetsUtf8 = Arrays.copyOf(targetsUtf8, targetCount * 2);
            targetIds = Arrays.copyOf(targetIds, targetCount * 2);
        }
        targetsUtf8[targetCount] = utf8;
        targets[targetCount++] = target;
    }

    public void addDenied(String target) {
        if (deniedCount == denied.length) {
            denied = Arrays.copyOf(denied, deniedCount * 2);
        }
        denied[deniedCount++] = target;
    }

    /** A deep copy, for records that must outlive the call (held in memory until the trail is open). */
    public AuditRecord copy() {
        AuditRecord c = new AuditRecord();
        c.seq = seq;
        c.sessionKey = sessionKey;
        c.header = header;
        c.timeEpochNanos = timeEpochNanos;
        c.agent = agent;
        c.role = role;
        c.session = session;
        c.thread = thread;
        c.action = action;
        c.targets = Arrays.copyOf(targets, Math.max(1, targetCount));
        c.targetsUtf8 = Arrays.copyOf(targetsUtf8, Math.max(1, targetCount));
        c.targetIds = new int[Math.max(1, targetCount)];
        c.threadUtf8 = threadUtf8;
        c.detailUtf8 = detailUtf8;
        c.targetCount = targetCount;
        c.denied = Arrays.copyOf(denied, Math.max(1, deniedCount));
        c.deniedCount = deniedCount;
        c.decision = decision;
        c.rule = rule;
        c.policy = policy;
        c.reason = reason;
        c.monitor = monitor;
        c.detail.append(detail);
        c.outcome = outcome;
        c.error = error;
        c.durationNs = durationNs;
        c.caller = caller;
        c.approval = approval;
        c.namedSession = namedSession;
        return c;
    }
}
