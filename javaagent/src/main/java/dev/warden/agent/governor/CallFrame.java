package dev.warden.agent.governor;

import dev.warden.policy.Action;
import dev.warden.policy.Verdict;

/**
 * One governed call in progress: its decisions (a copy reads one path and writes another, so a
 * call may hold several) and when it started. Reused; never allocated per call.
 */
final class CallFrame {

    static final int MAX_DECISIONS = 4;

    int family;
    int op;
    /** The path argument of the call, to recognize the JDK's own nested calls on the same path. */
    Object path;
    /** The actions ({@code FileCalls} bits) decided on {@link #path}. */
    int pathActions;
    long startNanos;
    int count;
    final Action[] actions = new Action[MAX_DECISIONS];
    final String[] targets = new String[MAX_DECISIONS];
    final String[] details = new String[MAX_DECISIONS];
    /** The targets and details as UTF-8, when path resolution had them cached. */
    final byte[][] targetsUtf8 = new byte[MAX_DECISIONS][];
    final byte[][] detailsUtf8 = new byte[MAX_DECISIONS][];
    final Verdict[] verdicts = new Verdict[MAX_DECISIONS];
    /** The final decision of each entry, one of the {@link Outcome} codes. */
    final int[] decisions = new int[MAX_DECISIONS];
    final String[] rules = new String[MAX_DECISIONS];
    final String[] reasons = new String[MAX_DECISIONS];

    void reset(int family) {
        this.family = family;
        op = 0;
        path = null;
        pathActions = 0;
        startNanos = 0;
        for (int i = 0; i < count; i++) {
            actions[i] = null;
            targets[i] = details[i] = rules[i] = reasons[i] = null;
            targetsUtf8[i] = detailsUtf8[i] = null;
            verdicts[i] = null;
        }
        count = 0;
    }

    int add(Action action, String target, String detail, byte[] targetUtf8, byte[] detailUtf8) {
        int i = count++;
        actions[i] = action;
        targets[i] = target;
        details[i] = detail;
        targetsUtf8[i] = targetUtf8;
        detailsUtf8[i] = detailUtf8;
        return i;
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
