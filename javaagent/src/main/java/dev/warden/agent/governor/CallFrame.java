package dev.warden.agent.governor;

import dev.warden.policy.Action;
import dev.warden.policy.Verdict;

/**
 * One governed call in progress: its decisions (a copy reads one path and writes another, so a
 * call may hold several) and when it started. Reused; never allocated per call.
 */
final class CallFrame {

    /** Enough for every file and HTTP call; a statement over many tables or a mail to many recipients grows the arrays once. */
    static final int INITIAL_DECISIONS = 4;

    int family;
    /** The policy snapshot the call was decided under; its record names that version. */
    dev.warden.policy.Policy policy;
    int op;
    /** The path argument of the call, to recognize the JDK's own nested calls on the same path. */
    Object path;
    /** The actions ({@code FileCalls} bits) decided on {@link #path}. */
    int pathActions;
    long startNanos;
    /** HTTP: the URL object the request was decided for (a redirect replaces it), the method, the body size, the status. */
    Object url;
    String method;
    long bodyBytes;
    int status;
    /** SQL: rows affected or read (-1: unknown); whether Warden rolled the transaction back; whether Warden stopped the call mid-way (row limit). */
    long rows;
    /** How long the call itself took, when its record is written later (a query waits for its rows); else -1. */
    long durationNanos;
    boolean rolledBack;
    boolean stopped;
    /** Mail: what the message holds (its recipients are this frame's targets), for the audit detail. */
    MailFacts mail;
    /** The calling thread's name and its UTF-8, for a record written on another thread (an asynchronous request). */
    String threadName;
    byte[] threadNameUtf8;
    /** HTTP: the JDK client's {@code send} on this thread writes the record when it returns. */
    boolean awaitsSend;
    int count;
    Action[] actions = new Action[INITIAL_DECISIONS];
    String[] targets = new String[INITIAL_DECISIONS];
    String[] details = new String[INITIAL_DECISIONS];
    /** The targets and details as UTF-8, when path resolution had them cached. */
    byte[][] targetsUtf8 = new byte[INITIAL_DECISIONS][];
    byte[][] detailsUtf8 = new byte[INITIAL_DECISIONS][];
    Verdict[] verdicts = new Verdict[INITIAL_DECISIONS];
    /** The final decision of each entry, one of the {@link Outcome} codes. */
    int[] decisions = new int[INITIAL_DECISIONS];
    String[] rules = new String[INITIAL_DECISIONS];
    String[] reasons = new String[INITIAL_DECISIONS];
    /** Human approval of each entry: one of the {@link Approvals} states, and the request's id once asked. */
    int[] approvalStates = new int[INITIAL_DECISIONS];
    String[] approvalIds = new String[INITIAL_DECISIONS];
    /** The session the calling thread acts for ({@code WardenSession}); {@code null}: the process's. */
    Session session;

    void reset(int family) {
        this.family = family;
        policy = null;
        op = 0;
        path = null;
        pathActions = 0;
        startNanos = 0;
        url = null;
        method = null;
        bodyBytes = -1;
        status = -1;
        rows = -1;
        durationNanos = -1;
        rolledBack = false;
        stopped = false;
        threadName = null;
        mail = null;
        threadNameUtf8 = null;
        awaitsSend = false;
        session = null;
        for (int i = 0; i < count; i++) {
            actions[i] = null;
            targets[i] = details[i] = rules[i] = reasons[i] = approvalIds[i] = null;
            approvalStates[i] = Approvals.NONE;
            targetsUtf8[i] = detailsUtf8[i] = null;
            verdicts[i] = null;
        }
        count = 0;
    }

    int add(Action action, String target, String detail, byte[] targetUtf8, byte[] detailUtf8) {
        if (count == actions.length) {
            grow(count * 2);
        }
        int i = count++;
        actions[i] = action;
        targets[i] = target;
        details[i] = detail;
        targetsUtf8[i] = targetUtf8;
        detailsUtf8[i] = detailUtf8;
        return i;
    }

    /** Once per thread and size class: the frame is reused, so it keeps the larger arrays. */
    private void grow(int n) {
        actions = java.util.Arrays.copyOf(actions, n);
        targets = java.util.Arrays.copyOf(targets, n);
        details = java.util.Arrays.copyOf(details, n);
        targetsUtf8 = java.util.Arrays.copyOf(targetsUtf8, n);
        detailsUtf8 = java.util.Arrays.copyOf(detailsUtf8, n);
        verdicts = java.util.Arrays.copyOf(verdicts, n);
        decisions = java.util.Arrays.copyOf(decisions, n);
        rules = java.util.Arrays.copyOf(rules, n);
        reasons = java.util.Arrays.copyOf(reasons, n);
        approvalStates = java.util.Arrays.copyOf(approvalStates, n);
        approvalIds = java.util.Arrays.copyOf(approvalIds, n);
    }

    /** Copies this frame into {@code c}, a pooled frame that outlives this one's reuse: an asynchronous request's record is written when it completes. */
    void copyTo(CallFrame c, String callingThread, byte[] callingThreadUtf8) {
        if (count > c.actions.length) {
            c.grow(count);
        }
        c.family = family;
        c.op = op;
        c.startNanos = startNanos;
        c.method = method;
        c.bodyBytes = bodyBytes;
        c.status = status;
        c.rows = rows;
        c.durationNanos = durationNanos;
        c.rolledBack = rolledBack;
        c.stopped = stopped;
        c.threadName = callingThread;
        c.threadNameUtf8 = callingThreadUtf8;
        c.session = session;
        c.count = count;
        System.arraycopy(actions, 0, c.actions, 0, count);
        System.arraycopy(targets, 0, c.targets, 0, count);
        System.arraycopy(details, 0, c.details, 0, count);
        System.arraycopy(targetsUtf8, 0, c.targetsUtf8, 0, count);
        System.arraycopy(detailsUtf8, 0, c.detailsUtf8, 0, count);
        System.arraycopy(verdicts, 0, c.verdicts, 0, count);
        System.arraycopy(decisions, 0, c.decisions, 0, count);
        System.arraycopy(rules, 0, c.rules, 0, count);
        System.arraycopy(reasons, 0, c.reasons, 0, count);
        System.arraycopy(approvalStates, 0, c.approvalStates, 0, count);
        System.arraycopy(approvalIds, 0, c.approvalIds, 0, count);
    }

    int firstDenied() {
        for (int i = 0; i < count; i++) {
            if (decisions[i] == Outcome.DENY) {
                return i;
            }
        }
        return -1;
    }
}
