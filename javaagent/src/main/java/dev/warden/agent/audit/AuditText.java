package dev.warden.agent.audit;

import java.util.Locale;

/**
 * A record as {@code audit tail} prints it, one line for a person:
 * <pre>
 * 2026-11-24T09:15:02.123Z  DENY   file.read /etc/passwd  rule=default  "no rule allows this"  blocked  caller=com.acme.Tools.read(Tools.java:42)
 * </pre>
 * Time, decision, action and targets, then whatever applies of the rule, the approval id (which
 * {@code approve ID} and {@code reject ID} take), reason, detail, the
 * refused targets, the outcome, duration and error, the monitor rules and the caller.
 */
public final class AuditText {

    private AuditText() {}

    public static String line(AuditRecord r) {
        StringBuilder b = new StringBuilder(160);
        b.append(AuditTimes.millis(r.timeEpochNanos)).append("  ");
        String decision = r.decision == null ? "?" : r.decision.toUpperCase(Locale.ROOT);
        b.append(decision);
        // ALLOW is the widest common decision: pad to it so that actions line up.
        for (int i = decision.length(); i < 5; i++) {
            b.append(' ');
        }
        b.append("  ").append(r.action == null ? "?" : r.action);
        for (int i = 0; i < r.targetCount; i++) {
            b.append(i == 0 ? ' ' : ',').append(r.targets[i]);
        }
        field(b, "rule=", r.rule);
        field(b, "approval=", r.approval);
        if (r.reason != null) {
            b.append("  \"").append(r.reason).append('"');
        }
        if (r.detail.length() > 0) {
            b.append("  [").append(r.detail).append(']');
        }
        if (r.deniedCount > 0) {
            b.append("  denied=");
            join(b, r.denied, r.deniedCount);
        }
        field(b, "", r.outcome);
        if (r.durationNs >= 0) {
            b.append("  ").append(duration(r.durationNs));
        }
        field(b, "error=", r.error);
        if (r.monitor != null && r.monitor.length > 0) {
            b.append("  monitor=");
            join(b, r.monitor, r.monitor.length);
        }
        field(b, "caller=", r.caller);
        return b.toString();
    }

    private static void field(StringBuilder b, String label, String value) {
        if (value != null) {
            b.append("  ").append(label).append(value);
        }
    }

    private static void join(StringBuilder b, String[] values, int count) {
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ",").append(values[i]);
        }
    }

    /** {@code 850ns}, {@code 183us}, {@code 12.4ms}, {@code 3.20s}: enough digits to compare. */
    static String duration(long ns) {
        if (ns < 1_000) {
            return ns + "ns";
        }
        if (ns < 1_000_000) {
            return ns / 1_000 + "us";
        }
        if (ns < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1fms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.2fs", ns / 1e9);
    }
}
