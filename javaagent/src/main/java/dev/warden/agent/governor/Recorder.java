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
    private volatile boolean broken;
    private final EpochClock clock = new EpochClock();
    private final SessionHeader header;

    Recorder(AuditSink sink, Identity identity, Policy policy) {
        this.sink = sink;
        this.identity = identity;
        this.policyVersion = policy == null ? "none" : policy.version();
        this.levelAll = policy == null || policy.settings().auditLevel() == dev.warden.policy.AuditLevel.ALL;
        this.callerAll = policy != null && policy.settings().auditCaller() == dev.warden.policy.AuditCaller.ALL;
        this.failClosed = policy == null || policy.settings().failure() == dev.warden.policy.Failure.CLOSED;
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

    /** The call returned or threw: one record per decision worth recording. */
    void completed(ThreadState ts, CallFrame f, long nowNanos, Throwable thrown) {
        for (int i = 0; i < f.count; i++) {
            if (worthRecording(f, i)) {
                AuditRecord r = fill(ts, f, i);
                boolean httpError = f.family == Family.HTTP && thrown == null && f.status >= 400;
                r.outcome = thrown == null && !httpError ? "ok" : "failed";
                r.error = thrown != null ? thrown.toString() : httpError ? "HTTP " + f.status : null;
                r.durationNs = nowNanos - f.startNanos;
                if (callerAll || f.decisions[i] != Outcome.ALLOW) {
                    r.caller = CallerFrames.firstApplicationFrame();
                }
                append(r);
            }
        }
    }

    /** The call was denied: every decision it made is recorded, with the caller. */
    void blocked(ThreadState ts, CallFrame f) {
        String caller = CallerFrames.firstApplicationFrame();
        for (int i = 0; i < f.count; i++) {
            AuditRecord r = fill(ts, f, i);
            r.outcome = "blocked";
            r.caller = caller;
            append(r);
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

    private boolean worthRecording(CallFrame f, int i) {
        int code = f.decisions[i];
        Verdict v = f.verdicts[i];
        if (code == Outcome.ALLOW) {
            if (v != null && v.monitorRules().length > 0) {
                return true;
            }
            return levelAll && (v == null || !v.builtin());
        }
        return true;
    }

    private AuditRecord fill(ThreadState ts, CallFrame f, int i) {
        AuditRecord r = ts.record();
        r.clear();
        common(ts, r, f.startNanos);
        r.action = f.actions[i].name();
        r.addTarget(f.targets[i], f.targetsUtf8[i]);
        r.decision = Outcome.auditName(f.decisions[i]);
        r.rule = f.rules[i];
        // An allow rule without a reason of its own says nothing the rule name does not.
        r.reason = f.reasons[i] == Verdict.ALLOWED_BY_POLICY ? null : f.reasons[i];
        Verdict v = f.verdicts[i];
        if (v != null && v.monitorRules().length > 0) {
            r.monitor = v.monitorRules();
        }
        if (f.details[i] != null) {
            r.detail.append(f.details[i]);
            r.detailUtf8 = f.detailsUtf8[i];
        }
        if (f.family == Family.HTTP) {
            httpDetail(r.detail, f);
        }
        if (f.threadName != null) {
            r.thread = f.threadName;
            r.threadUtf8 = null;
        }
        return r;
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
        if (sink.append(r)) {
            if (broken) {
                broken = false;
                LOG.warn("Warden writes its audit trail again");
            }
            return;
        }
        if (!broken) {
            broken = true;
            LOG.error("Warden cannot write its audit trail; {}", failClosed
                    ? "governed calls are now denied (warden.failure = closed)"
                    : "governed calls continue unrecorded (warden.failure = open)");
        }
    }
}
