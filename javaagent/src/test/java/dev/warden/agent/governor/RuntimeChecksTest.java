package dev.warden.agent.governor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.agent.audit.AuditRecord;
import dev.warden.policy.Action;
import dev.warden.policy.Overrides;
import dev.warden.policy.Policy;
import dev.warden.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step 5 with approvals: who is asked, when nobody is, and what the kill switch and sessions do first. */
class RuntimeChecksTest {

    @TempDir
    Path temp;

    private final RecordingSink sink = new RecordingSink();

    private Policy policy() throws Exception {
        Path file = temp.resolve("warden.properties");
        Files.write(file, List.of(
                "warden.agent.id = bot",
                "warden.audit.dir = " + temp.resolve("audit"),
                "warden.rule.ask.actions = mail.send",
                "warden.rule.ask.targets = *@example.com",
                "warden.rule.ask.effect = approve"));
        return PolicyLoader.load(file, Overrides.none());
    }

    /** A message to {@code recipients}, each entry's verdict set, as MailCalls builds it. */
    private static CallFrame mail(Policy p, String... recipients) {
        CallFrame f = new CallFrame();
        f.reset(Family.MAIL);
        f.mail = new MailFacts();
        for (String to : recipients) {
            int i = f.add(Action.MAIL_SEND, to, null, null, null);
            f.verdicts[i] = p.decide(Action.MAIL_SEND, to);
        }
        return f;
    }

    private static Controls controls(Duration ttl) {
        return new Controls(new KillSwitch(null), new Sessions("proc", ttl, System.nanoTime()),
                new Approvals(Duration.ofMinutes(1), null, "/audit"));
    }

    @Test
    void aMessageToSeveralRecipientsIsAskedForOnce() throws Exception {
        Policy p = policy();
        Controls c = controls(null);
        Recorder recorder = new Recorder(sink, new Identity("bot", null), p, Faults.fromSystemProperty());
        CallFrame f = mail(p, "a@example.com", "b@example.com");
        CompletableFuture<Void> done = CompletableFuture.runAsync(
                () -> RuntimeChecks.applyCall(f, 0, c, recorder, p, System.nanoTime()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sink.records.isEmpty() && !done.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        if (done.isCompletedExceptionally()) {
            done.join(); // shows why
        }
        assertEquals(1, sink.records.size(), "one pending record for the message");
        AuditRecord pending = sink.records.get(0);
        assertEquals("pending", pending.decision);
        assertEquals(2, pending.targetCount);
        assertEquals(1, c.approvals.waiting());

        c.approvals.decide(pending.approval, true, "alice");
        done.get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 2; i++) {
            assertEquals(Outcome.ALLOW, f.decisions[i]);
            assertEquals(Approvals.APPROVED, f.approvalStates[i]);
            assertEquals("approved by alice", f.reasons[i]);
        }
    }

    @Test
    void aRecipientThatIsRefusedAnywayMeansNobodyIsAsked() throws Exception {
        Policy p = policy();
        Controls c = controls(null);
        CallFrame f = mail(p, "a@example.com", "x@evil.test");
        RuntimeChecks.applyCall(f, 0, c, new Recorder(sink, new Identity("bot", null), p, Faults.fromSystemProperty()), p, System.nanoTime());
        assertEquals(Outcome.DENY, f.decisions[1]);
        assertTrue(sink.records.isEmpty(), "no pending record");
        assertEquals(0, c.approvals.waiting());
    }

    @Test
    void theKillSwitchAndADeadSessionRefuseWithoutAsking() throws Exception {
        Policy p = policy();
        Recorder recorder = new Recorder(sink, new Identity("bot", null), p, Faults.fromSystemProperty());

        Controls suspended = controls(null);
        suspended.killSwitch.suspend(true);
        CallFrame f = mail(p, "a@example.com");
        RuntimeChecks.apply(f, 0, f.verdicts[0], suspended, recorder, p, System.nanoTime());
        assertEquals(Outcome.DENY, f.decisions[0]);
        assertEquals("kill-switch", f.rules[0]);

        Controls expired = controls(Duration.ofNanos(1));
        CallFrame g = mail(p, "a@example.com");
        RuntimeChecks.apply(g, 0, g.verdicts[0], expired, recorder, p, System.nanoTime() + 10);
        assertEquals(Outcome.DENY, g.decisions[0]);
        assertEquals("session", g.rules[0]);
        assertEquals("session expired", g.reasons[0]);

        Controls revoked = controls(null);
        revoked.sessions.revoke("proc");
        CallFrame h = mail(p, "a@example.com");
        RuntimeChecks.apply(h, 0, h.verdicts[0], revoked, recorder, p, System.nanoTime());
        assertEquals("session revoked", h.reasons[0]);
        assertTrue(sink.records.isEmpty(), "nobody was asked");
    }

    @Test
    void aNamedSessionIsCheckedNotTheProcesses() throws Exception {
        Policy p = policy();
        Controls c = controls(null);
        Session conversation = c.sessions.open("conv-1", System.nanoTime());
        c.sessions.revoke("conv-1");
        CallFrame f = mail(p, "x@evil.test");
        f.session = conversation;
        RuntimeChecks.apply(f, 0, f.verdicts[0], c, new Recorder(sink, new Identity("bot", null), p, Faults.fromSystemProperty()), p, System.nanoTime());
        assertEquals("default", f.rules[0], "a deny stays the policy's own");
        CallFrame g = mail(p, "a@example.com");
        g.session = conversation;
        RuntimeChecks.apply(g, 0, g.verdicts[0], c, new Recorder(sink, new Identity("bot", null), p, Faults.fromSystemProperty()), p, System.nanoTime());
        assertEquals("session revoked", g.reasons[0]);
    }
}
