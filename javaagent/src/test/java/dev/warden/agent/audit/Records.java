package dev.warden.agent.audit;

/** Sample records for the audit tests. */
final class Records {

    private Records() {}

    /** A denial with every field set, several targets, denied ones and monitor rules. */
    static AuditRecord full() {
        AuditRecord r = new AuditRecord();
        r.timeEpochNanos = 1_795_511_702_123_456_789L;
        r.agent = "support-bot";
        r.role = "support";
        r.session = "6f1c2d";
        r.thread = "tool-executor-3";
        r.action = "mail.send";
        r.addTarget("a@example.com");
        r.addTarget("x@evil.test");
        r.addTarget("ünïcødé@example.com");
        r.addDenied("x@evil.test");
        r.decision = "deny";
        r.rule = "mail-customers";
        r.policy = "9f2c";
        r.reason = "only customers";
        r.monitor = new String[] {"watch-mail", "audit-all"};
        r.detail.append("recipients=3 subject_length=12");
        r.outcome = "blocked";
        r.error = "jakarta.mail.SendFailedException: Warden denied";
        r.durationNs = 183_000;
        r.caller = "com.acme.bot.Tools.mail(Tools.java:42)";
        return r;
    }

    /** An allowed file read with only the fields such a record has. */
    static AuditRecord allow(long timeEpochNanos, String target) {
        AuditRecord r = new AuditRecord();
        r.timeEpochNanos = timeEpochNanos;
        r.agent = "support-bot";
        r.session = "s1";
        r.thread = "main";
        r.action = "file.read";
        r.addTarget(target);
        r.decision = "allow";
        r.rule = "docs";
        r.policy = "9f2c";
        r.outcome = "ok";
        r.durationNs = 4_200;
        return r;
    }
}
