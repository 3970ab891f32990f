package dev.warden.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.agent.audit.AuditRecord;
import dev.warden.agent.audit.ChronicleAuditTrail;
import dev.warden.agent.audit.ControlChannels;
import dev.warden.agent.audit.SessionHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control commands: what they send, and the ids and directories they refuse. */
class ControlCommandsTest {

    @TempDir
    Path temp;

    /** A trail of session {@code sess-1}: a request {@code aaaaaaaaaaaa} still pending, {@code bbbbbbbbbbbb} rejected. */
    private Path trail() throws Exception {
        Path dir = temp.resolve("audit");
        try (ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir)) {
            trail.session(new SessionHeader(1, "bot", null, "sess-1", "v1"));
            trail.append(record("pending", "aaaaaaaaaaaa", null, null));
            trail.append(record("pending", "bbbbbbbbbbbb", null, null));
            trail.append(record("rejected", "bbbbbbbbbbbb", "approval timeout", null));
            trail.append(record("allow", null, null, "conversation-7"));
        }
        return dir;
    }

    private static AuditRecord record(String decision, String approval, String reason, String namedSession) {
        AuditRecord r = new AuditRecord();
        r.sessionKey = 1;
        r.timeEpochNanos = 1_795_511_702_000_000_000L;
        r.action = "file.read";
        r.addTarget("/srv/kb/a.md");
        r.decision = decision;
        r.rule = "ask";
        r.approval = approval;
        r.reason = reason;
        r.namedSession = namedSession;
        return r;
    }

    private static List<String> channel(Path audit) throws Exception {
        return ControlChannels.readAll(audit);
    }

    @Test
    void eachCommandSendsItsMessageWithTheSender() throws Exception {
        Path dir = trail();
        String d = dir.toString();
        assertEquals(0, WardenCliTest.run("suspend", "--dir", d, "--by", "alice").code());
        assertEquals(0, WardenCliTest.run("resume", "--dir", d, "--by", "alice").code());
        assertEquals(0, WardenCliTest.run("session", "revoke", "sess-1", "--dir", d, "--by", "carol").code());
        assertEquals(0, WardenCliTest.run("session", "revoke", "conversation-7", "--dir", d, "--by", "carol").code());
        WardenCliTest.Run approve = WardenCliTest.run("approve", "aaaaaaaaaaaa", "--dir", d, "--by", "bob");
        assertEquals(0, approve.code(), approve.err());
        assertEquals("approved aaaaaaaaaaaa (by bob)", approve.out().trim());
        assertEquals(0, WardenCliTest.run("reject", "aaaaaaaaaaaa", "--dir", d).code(), "--by defaults to the OS user");
        assertEquals(List.of("SUSPEND by alice", "RESUME by alice", "REVOKE_SESSION sess-1 by carol",
                "REVOKE_SESSION conversation-7 by carol", "APPROVE aaaaaaaaaaaa by bob",
                "REJECT aaaaaaaaaaaa by " + System.getProperty("user.name")), channel(dir));
    }

    @Test
    void anUnknownSessionIsBadUsageAndSendsNothing() throws Exception {
        Path dir = trail();
        WardenCliTest.Run r = WardenCliTest.run("session", "revoke", "sess-2", "--dir", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no session 'sess-2' in the trail in " + dir), r.err());
        assertTrue(channel(dir).isEmpty());
    }

    @Test
    void anUnknownOrAnsweredApprovalIsBadUsage() throws Exception {
        Path dir = trail();
        WardenCliTest.Run unknown = WardenCliTest.run("approve", "cccccccccccc", "--dir", dir.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no approval request 'cccccccccccc' in the trail in " + dir), unknown.err());
        WardenCliTest.Run answered = WardenCliTest.run("reject", "bbbbbbbbbbbb", "--dir", dir.toString());
        assertEquals(2, answered.code());
        assertTrue(answered.err().contains("approval request 'bbbbbbbbbbbb' was already answered: rejected (approval timeout)"),
                answered.err());
        assertTrue(channel(dir).isEmpty());
    }

    @Test
    void aDirectoryThatIsNoTrailIsBadUsageAndGetsNoChannel() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("typo"));
        for (String[] args : new String[][] {{"suspend"}, {"resume"}, {"session", "revoke", "x"}, {"approve", "x"}, {"reject", "x"}}) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--dir", empty.toString()));
            WardenCliTest.Run r = WardenCliTest.run(all.toArray(new String[0]));
            assertEquals(2, r.code(), all.toString());
            assertTrue(r.err().contains("is not a Warden audit trail"), r.err());
        }
        assertTrue(Files.notExists(empty.resolve("control")));
        assertEquals(2, WardenCliTest.run("suspend").code(), "missing --dir");
        assertEquals(2, WardenCliTest.run("approve", "--dir", empty.toString()).code(), "missing id");
        assertEquals(2, WardenCliTest.run("session").code(), "missing subcommand");
        assertEquals(2, WardenCliTest.run("suspend", "--dir", trail().toString(), "--by", " ").code(), "blank sender");
    }
}
