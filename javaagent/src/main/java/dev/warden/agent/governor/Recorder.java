package dev.warden.agent.governor;

import dev.warden.agent.audit.AuditRecord;
import dev.warden.agent.audit.AuditSink;
import dev.warden.agent.audit.SessionHeader;
import dev.warden.policy.Policy;
import dev.warden.policy.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit records for governed calls: one record per decision when the call returns (the
 * decision and its outcome together), or at once when it is blocked. Allows by the built-in
 * {@code jvm} rule are the JVM's own reads and are not recorded; at {@code warden.audit.level =
 * denials} only denials, would-denials, errors and monitor-rule matches are.
 */
final class Recorder {

    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);

    private final AuditSink sink;
    private final Identity identity;
    private final String policyVersion;
    private final boolean levelAll;
    private final boolean callerAll;
    private final boolean failClosed;
    /** {@code warden.audit.mail-subject}: subjects in full, else their length. */
    private final boolean mailSubject;
    private volatile boolean broken;
    private final EpochClock clock = new EpochClock();
    private final SessionHeader header;
    private final Faults faults;
    /** Where a record goes when the trail cannot take it: Warden's log, as {@code audit tail} prints it. */
    private static final Logger UNWRITTEN = LoggerFactory.getLogger("warden.audit");

    Recorder(AuditSink sink, Identity identity, Policy policy, Faults faults) {
        this.sink = sink;
        this.faults = faults;
        this.identity = identity;
        this.policyVersion = policy == null ? "none" : policy.version();
        this.levelAll = policy == null || policy.settings().auditLevel() == dev.warden.policy.AuditLevel.ALL;
        this.callerAll = policy != null && policy.settings().auditCaller() == dev.warden.policy.AuditCaller.ALL;
        this.failClosed = policy == null || policy.settings().failure() == dev.warden.policy.Failure.CLOSED;
        this.mailSubject = policy != null && policy.settings().auditMailSubject();
        this.header = new SessionHeader(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE),
                identity.agent, identity.role, identity.session, policyVersion);
        sink.session(header);
    }

    boolean broken() {
        return broken;
    }

    boolean failClosed() {
        return failClosed;
    }

    /**
     * The call returned or threw: one record per action worth recording. Consecutive decisions on
     * the same action (the tables a statement reads, the recipients of one message) share one
     * record that lists every target, and in {@code denied} the refused ones.
     */
    void completed(ThreadState ts, CallFrame f, long nowNanos, Throwable thrown) {
        for (int i = 0; i < f.count; i = groupEnd(f, i)) {
            int end = groupEnd(f, i);
            if (worthRecording(f, i, end)) {
                AuditRecord r = fill(ts, f, i, end);
                boolean httpError = f.family == Family.HTTP && thrown == null && f.status >= 400;
                r.outcome = f.stopped ? "blocked" : thrown == null && !httpError ? "ok" : "failed";
                r.error = thrown != null ? thrown.toString() : httpError ? "HTTP " + f.status : null;
                r.durationNs = f.durationNanos >= 0 ? f.durationNanos : nowNanos - f.startNanos;
                if (callerAll || f.decisions[strictest(f, i, end)] != Outcome.ALLOW) {
                    r.caller = CallerFrames.firstApplicationFrame();
                }
                append(r);
            }
        }
    }

    /** The call was denied: every decision it made is recorded, with the caller. */
    void blocked(ThreadState ts, CallFrame f) {
        String caller = CallerFrames.firstApplicationFrame();
        for (int i = 0; i < f.count; i = groupEnd(f, i)) {
            AuditRecord r = fill(ts, f, i, groupEnd(f, i));
            r.outcome = "blocked";
            r.caller = caller;
            append(r);
        }
    }

    /** Whether {@link #completed} would write anything for {@code f} (at {@code warden.audit.level = denials} an allowed call writes nothing). */
    boolean wouldRecord(CallFrame f) {
        for (int i = 0; i < f.count; i = groupEnd(f, i)) {
            if (worthRecording(f, i, groupEnd(f, i))) {
                return true;
            }
        }
        return false;
    }

    /** The end (exclusive) of the run of decisions on the action of decision {@code from}. */
    static int groupEnd(CallFrame f, int from) {
        int end = from + 1;
        while (end < f.count && f.actions[end] == f.actions[from]) {
            end++;
        }
        return end;
    }

    /** The decision of a group that speaks for it: a deny, else a would-deny, else an error, else the first. */
    private static int strictest(CallFrame f, int from, int end) {
        int best = from;
        for (int i = from + 1; i < end; i++) {
            if (rank(f.decisions[i]) > rank(f.decisions[best])) {
                best = i;
            }
        }
        return best;
    }

    private static int rank(int code) {
        switch (code) {
            case Outcome.DENY: return 3;
            case Outcome.WOULD_DENY: return 2;
            case Outcome.ERROR: return 1;
            default: return 0;
        }
    }

    /** Warden could not decide: the error itself is recorded. */
    void error(ThreadState ts, String action, String target, String reason, boolean blocked) {
        AuditRecord r = ts.record();
        r.clear();
        common(ts, r, System.nanoTime());
        r.action = action;
        r.addTarget(target);
        r.decision = "error";
        r.rule = "error";
        r.reason = reason;
        r.outcome = blocked ? "blocked" : null;
        r.caller = CallerFrames.firstApplicationFrame();
        append(r);
    }

    /** At JVM exit: writes what is held in memory, and keeps the trail open for later hooks. */
    void flush() {
        sink.flush();
    }

    private boolean worthRecording(CallFrame f, int from, int end) {
        for (int i = from; i < end; i++) {
            int code = f.decisions[i];
            Verdict v = f.verdicts[i];
            if (code != Outcome.ALLOW || (v != null && v.monitorRules().length > 0) || (levelAll && (v == null || !v.builtin()))) {
                return true;
            }
        }
        return false;
    }

    private AuditRecord fill(ThreadState ts, CallFrame f, int from, int end) {
        int i = strictest(f, from, end);
        AuditRecord r = ts.record();
        r.clear();
        common(ts, r, f.startNanos);
        r.action = f.actions[i].name();
        for (int t = from; t < end; t++) {
            r.addTarget(f.targets[t], f.targetsUtf8[t]);
            if (end - from > 1 && (f.decisions[t] == Outcome.DENY || f.decisions[t] == Outcome.WOULD_DENY)) {
                r.addDenied(f.targets[t]);
            }
        }
        r.decision = Outcome.auditName(f.decisions[i]);
        r.rule = f.rules[i];
        // An allow rule without a reason of its own says nothing the rule name does not.
        r.reason = f.reasons[i] == Verdict.ALLOWED_BY_POLICY ? null : f.reasons[i];
        String[] monitors = monitorRules(f, from, end);
        if (monitors != null) {
            r.monitor = monitors;
        }
        if (f.details[from] != null) {
            r.detail.append(f.details[from]);
            r.detailUtf8 = f.detailsUtf8[from];
        }
        if (f.family == Family.HTTP) {
            httpDetail(r.detail, f);
        } else if (f.family == Family.SQL) {
            sqlDetail(r.detail, f);
        } else if (f.family == Family.MAIL) {
            f.mail.appendDetail(r.detail, mailSubject);
        }
        if (f.threadName != null) {
            r.thread = f.threadName;
            r.threadUtf8 = null;
        }
        return r;
    }

    /** The monitor rules that matched any decision of the group; the common single-target case allocates nothing. */
    private static String[] monitorRules(CallFrame f, int from, int end) {
        String[] found = null;
        for (int t = from; t < end; t++) {
            Verdict v = f.verdicts[t];
            if (v == null || v.monitorRules().length == 0) {
                continue;
            }
            if (found == null) {
                found = v.monitorRules();
            } else {
                java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(java.util.Arrays.asList(found));
                all.addAll(java.util.Arrays.asList(v.monitorRules()));
                found = all.toArray(new String[0]);
            }
        }
        return found;
    }

    /** {@code POST, 12 bytes, status 201}: the method, the body size when known, the status once known. */
    private static void httpDetail(StringBuilder d, CallFrame f) {
        d.append(f.method);
        if (f.bodyBytes > 0 || (f.bodyBytes == 0 && !f.method.equals("GET") && !f.method.equals("HEAD"))) {
            d.append(", ").append(f.bodyBytes).append(" bytes");
        }
        if (f.status >= 0) {
            d.append(", status ").append(f.status);
        }
    }

    /** {@code … [3 rows]}, {@code … [transaction rolled back]}: what the statement did, after its text. */
    private static void sqlDetail(StringBuilder d, CallFrame f) {
        if (f.rows >= 0) {
            d.append(" [").append(f.rows).append(f.rows == 1 ? " row]" : " rows]");
        }
        if (f.rolledBack) {
            d.append(" [transaction rolled back]");
        }
    }

    private void common(ThreadState ts, AuditRecord r, long startNanos) {
        r.sessionKey = header.key;
        r.timeEpochNanos = clock.epochNanos(startNanos);
        r.agent = identity.agent;
        r.role = identity.role;
        r.session = identity.session;
        r.thread = Thread.currentThread().getName();
        r.threadUtf8 = ts.threadNameUtf8(r.thread);
        r.policy = policyVersion;
    }

    private void append(AuditRecord r) {
        if (!faults.audit && sink.append(r)) {
            if (broken) {
                broken = false;
                LOG.warn("Warden writes its audit trail again");
            }
            return;
        }
        // Nothing is lost silently: the record goes to the log instead.
        UNWRITTEN.warn("not in the audit trail: {}", dev.warden.agent.audit.AuditText.line(r));
        if (!broken) {
            broken = true;
            LOG.error("Warden cannot write its audit trail; {}", failClosed
                    ? "governed calls are now denied (warden.failure = closed)"
                    : "governed calls continue unrecorded (warden.failure = open)");
        }
    }
}
