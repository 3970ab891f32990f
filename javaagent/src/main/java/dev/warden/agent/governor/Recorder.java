package dev.warden.agent.governor;

import dev.warden.agent.audit.AuditRecord;
import dev.warden.agent.audit.AuditSink;
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
    /** What records take from the policy in force; replaced, never changed, on a reload. */
    private volatile RecordingPolicy current;
    /** The one before it: the policy of calls that were decided before the last reload and end after it. */
    private volatile RecordingPolicy previous;
    private volatile boolean broken;
    /** The sink is no trail: the log that stands in for one that could not be opened at start-up. */
    private final boolean noTrail;
    private final EpochClock clock = new EpochClock();
    private final Faults faults;
    /** Where a record goes when the trail cannot take it: Warden's log, as {@code audit tail} prints it. */
    private static final Logger UNWRITTEN = LoggerFactory.getLogger("warden.audit");

    Recorder(AuditSink sink, Identity identity, Policy policy, Faults faults) {
        this.sink = sink;
        this.faults = faults;
        this.identity = identity;
        this.current = new RecordingPolicy(policy, identity);
        this.noTrail = !sink.isTrail();
        sink.session(current.header);
    }

    /**
     * Records from now on are under {@code next}; calls decided under the policy it replaces still
     * name that one. Called by the reload thread only.
     */
    void policyChanged(Policy next) {
        RecordingPolicy n = new RecordingPolicy(next, identity);
        previous = current;
        sink.session(n.header);
        current = n;
    }

    /** The recording settings of {@code decidedUnder}; allocates only for a call that outlived two reloads. */
    private RecordingPolicy of(Policy decidedUnder) {
        RecordingPolicy c = current;
        if (c.policy == decidedUnder || decidedUnder == null) {
            return c;
        }
        RecordingPolicy p = previous;
        return p != null && p.policy == decidedUnder ? p : new RecordingPolicy(decidedUnder, identity);
    }

    /** Fed by {@link #completed}: failed calls open it. Set once by the governor before any call. */
    private CircuitBreaker breaker;
    private dev.warden.agent.metrics.Metrics metrics;

    void attach(CircuitBreaker breaker, dev.warden.agent.metrics.Metrics metrics) {
        this.breaker = breaker;
        this.metrics = metrics;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    dev.warden.agent.metrics.Metrics metrics() {
        return metrics;
    }

    /** The breaker's suspensions and resumptions: audit records, and warnings in Warden's log. */
    CircuitBreaker.Listener breakerRecords() {
        return new CircuitBreaker.Listener() {
            @Override
            public void opened(long nowNanos, dev.warden.policy.Limit errors, long cooldownNanos) {
                LOG.warn("Warden's circuit breaker opened: more than {} failed calls; every governed action is denied for {} s",
                        errors, cooldownNanos / 1_000_000_000L);
                breakerRecord(nowNanos, "deny", "circuit open", "more than " + errors + " failed calls: every governed action denied for "
                        + java.time.Duration.ofNanos(cooldownNanos).toString().substring(2).toLowerCase());
            }

            @Override
            public void closed(long nowNanos) {
                LOG.warn("Warden's circuit breaker closed: governed actions are let through again");
                breakerRecord(nowNanos, "allow", "circuit closed", "cooldown over: governed actions let through again");
            }
        };
    }

    private void breakerRecord(long nowNanos, String decision, String reason, String detail) {
        ThreadState ts = WardenThreads.STATE.get();
        AuditRecord r = ts.record();
        r.clear();
        common(current, ts, r, nowNanos);
        r.action = "warden.breaker";
        r.addTarget(identity.agent);
        r.decision = decision;
        r.rule = CircuitBreaker.RULE;
        r.reason = reason;
        r.detail.append(detail);
        append(r);
    }

    /** Whether records cannot be written into a trail now (then {@code warden.failure = closed} denies every call). */
    boolean broken() {
        return broken || noTrail;
    }

    /** {@code warden.failure = closed} in the policy in force (a reload changes it). */
    boolean failClosed() {
        return current.failClosed;
    }

    /**
     * The call returned or threw: one record per action worth recording. Consecutive decisions on
     * the same action (the tables a statement reads, the recipients of one message) share one
     * record that lists every target, and in {@code denied} the refused ones.
     */
    void completed(ThreadState ts, CallFrame f, long nowNanos, Throwable thrown) {
        RecordingPolicy p = of(f.policy);
        for (int i = 0; i < f.count; i = groupEnd(f, i)) {
            int end = groupEnd(f, i);
            if (worthRecording(p, f, i, end)) {
                AuditRecord r = fill(p, ts, f, i, end);
                boolean httpError = f.family == Family.HTTP && thrown == null && f.status >= 400;
                r.outcome = f.stopped ? "blocked" : thrown == null && !httpError ? "ok" : "failed";
                r.error = thrown != null ? thrown.toString() : httpError ? "HTTP " + f.status : null;
                r.durationNs = f.durationNanos >= 0 ? f.durationNanos : nowNanos - f.startNanos;
                int s = strictest(f, i, end);
                if (p.callerAll || f.decisions[s] != Outcome.ALLOW || f.approvalStates[s] != Approvals.NONE) {
                    r.caller = CallerFrames.firstApplicationFrame();
                }
                append(r);
            }
        }
        boolean failed = !f.stopped && (thrown != null || (f.family == Family.HTTP && f.status >= 400));
        if (failed && breaker != null && f.count > 0 && f.verdicts[0] != null && !f.verdicts[0].builtin()) {
            breaker.failed(nowNanos);
        }
    }

    /** The call was denied: every decision it made is recorded, with the caller. */
    void blocked(ThreadState ts, CallFrame f) {
        String caller = CallerFrames.firstApplicationFrame();
        RecordingPolicy p = of(f.policy);
        for (int i = 0; i < f.count; i = groupEnd(f, i)) {
            AuditRecord r = fill(p, ts, f, i, groupEnd(f, i));
            r.outcome = "blocked";
            r.caller = caller;
            append(r);
        }
    }

    /** Whether {@link #completed} would write anything for {@code f} (at {@code warden.audit.level = denials} an allowed call writes nothing). */
    boolean wouldRecord(CallFrame f) {
        RecordingPolicy p = of(f.policy);
        for (int i = 0; i < f.count; i = groupEnd(f, i)) {
            if (worthRecording(p, f, i, groupEnd(f, i))) {
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
        common(current, ts, r, System.nanoTime());
        r.action = action;
        r.addTarget(target);
        r.decision = "error";
        r.rule = "error";
        r.reason = reason;
        r.outcome = blocked ? "blocked" : null;
        r.caller = CallerFrames.firstApplicationFrame();
        append(r);
    }

    /**
     * A reload of the policy file: applied ({@code decision = allow}, under the new version) or
     * refused ({@code error}, under the version kept, {@code reason} naming the lines at fault).
     */
    void reload(String file, boolean applied, String reason, String detail) {
        AuditRecord r = WardenThreads.STATE.get().record();
        r.clear();
        common(current, WardenThreads.STATE.get(), r, System.nanoTime());
        r.action = RELOAD_ACTION;
        r.addTarget(file);
        r.decision = applied ? "allow" : "error";
        r.rule = "reload";
        r.reason = reason;
        if (detail != null) {
            r.detail.append(detail);
        }
        r.outcome = applied ? "ok" : "failed";
        append(r);
    }

    /** The action of reload records: Warden's own, not a governed call (policy.md's table has no such action). */
    static final String RELOAD_ACTION = "policy.reload";

    /** At JVM exit: writes what is held in memory, and keeps the trail open for later hooks. */
    void flush() {
        sink.flush();
    }

    private static boolean worthRecording(RecordingPolicy p, CallFrame f, int from, int end) {
        for (int i = from; i < end; i++) {
            int code = f.decisions[i];
            Verdict v = f.verdicts[i];
            if (code != Outcome.ALLOW || f.approvalStates[i] != Approvals.NONE || (v != null && v.monitorRules().length > 0)
                    || (p.levelAll && (v == null || !v.builtin()))) {
                return true;
            }
        }
        return false;
    }

    private AuditRecord fill(RecordingPolicy p, ThreadState ts, CallFrame f, int from, int end) {
        int i = strictest(f, from, end);
        AuditRecord r = ts.record();
        r.clear();
        common(p, ts, r, f.startNanos);
        r.action = f.actions[i].name();
        for (int t = from; t < end; t++) {
            r.addTarget(f.targets[t], f.targetsUtf8[t]);
            if (end - from > 1 && (f.decisions[t] == Outcome.DENY || f.decisions[t] == Outcome.WOULD_DENY)) {
                r.addDenied(f.targets[t]);
            }
        }
        r.decision = decisionName(f, i);
        r.approval = f.approvalIds[i];
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
            f.mail.appendDetail(r.detail, p.mailSubject);
        }
        if (f.threadName != null) {
            r.thread = f.threadName;
            r.threadUtf8 = f.threadNameUtf8;
        }
        r.namedSession = f.session != null && f.session.named ? f.session.id : null;
        return r;
    }

    /** {@code approved} / {@code rejected} for a call a person decided (unless something refused it after), else the code's name. */
    private static String decisionName(CallFrame f, int i) {
        int state = f.approvalStates[i];
        if (state == Approvals.APPROVED && f.decisions[i] == Outcome.ALLOW) {
            return "approved";
        }
        if (state == Approvals.REJECTED) {
            return "rejected";
        }
        return Outcome.auditName(f.decisions[i]);
    }

    /**
     * The call waits for a person: one {@code pending} record per action of the entries
     * {@code from..to} that ask, with the request's id and the caller, written at once. Returns the
     * (reused) record of the first, for the log line and the webhook.
     */
    AuditRecord pending(ThreadState ts, CallFrame f, int from, int to) {
        String caller = CallerFrames.firstApplicationFrame();
        AuditRecord first = null;
        for (int g = from; g < to; g = groupEnd(f, g)) {
            int end = Math.min(groupEnd(f, g), to);
            boolean asks = false;
            for (int i = g; i < end; i++) {
                asks |= f.approvalStates[i] == Approvals.ASKING;
            }
            if (!asks) {
                continue;
            }
            AuditRecord r = fill(of(f.policy), ts, f, g, end);
            r.decision = "pending";
            r.approval = f.approvalIds[g] != null ? f.approvalIds[g] : firstId(f, g, end);
            r.caller = caller;
            append(r);
            if (first == null) {
                first = r.copy();
            }
        }
        return first;
    }

    private static String firstId(CallFrame f, int from, int end) {
        for (int i = from; i < end; i++) {
            if (f.approvalIds[i] != null) {
                return f.approvalIds[i];
            }
        }
        return null;
    }

    /**
     * A control-channel event that changed this agent (a suspension, a resumption, a revoked
     * session) or a control message that could not be read: one record, on the control thread.
     */
    void control(ThreadState ts, String action, String target, String decision, String rule, String reason,
            String detail, Session session) {
        AuditRecord r = ts.record();
        r.clear();
        common(current, ts, r, System.nanoTime());
        r.action = action;
        r.addTarget(target);
        r.decision = decision;
        r.rule = rule;
        r.reason = reason;
        if (detail != null) {
            r.detail.append(detail);
        }
        r.namedSession = session != null && session.named ? session.id : null;
        append(r);
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

    private void common(RecordingPolicy p, ThreadState ts, AuditRecord r, long startNanos) {
        r.sessionKey = p.header.key;
        r.header = p.header;
        r.timeEpochNanos = clock.epochNanos(startNanos);
        r.agent = identity.agent;
        r.role = identity.role;
        r.session = identity.session;
        r.thread = Thread.currentThread().getName();
        r.threadUtf8 = ts.threadNameUtf8(r.thread);
        r.policy = p.header.policy;
        r.namedSession = ts.session != null && ts.session.named ? ts.session.id : null;
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
            LOG.error("Warden cannot write its audit trail; {}", failClosed()
                    ? "governed calls are now denied (warden.failure = closed)"
                    : "governed calls continue unrecorded (warden.failure = open)");
        }
    }
}
