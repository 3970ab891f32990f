package dev.warden.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.audit.AuditRecord;
import dev.warden.agent.audit.ChronicleAuditTrail;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WardenCliTest {

    @TempDir
    Path temp;

    /** The outcome of one command: its exit code and what it printed. */
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WardenCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path trail() throws Exception {
        Path dir = temp.resolve("audit");
        try (ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir)) {
            trail.append(record(1_795_511_702_000_000_000L, "/srv/kb/a.md", "allow"));
            trail.append(record(1_795_511_703_000_000_000L, "/etc/passwd", "deny"));
        }
        return dir;
    }

    private static AuditRecord record(long time, String target, String decision) {
        AuditRecord r = new AuditRecord();
        r.timeEpochNanos = time;
        r.agent = "bot";
        r.action = "file.read";
        r.addTarget(target);
        r.decision = decision;
        r.rule = decision.equals("deny") ? "default" : "docs";
        r.outcome = decision.equals("deny") ? "blocked" : "ok";
        return r;
    }

    @Test
    void versionPrintsTheVersion() {
        Run r = run("version");
        assertEquals(0, r.code());
        assertEquals("warden dev", r.out().trim());
    }

    @Test
    void badUsageExitsWith2() {
        assertEquals(2, run().code(), "no command");
        assertEquals(2, run("frobnicate").code(), "unknown command");
        assertEquals(2, run("audit").code(), "no subcommand");
        assertEquals(2, run("audit", "export").code(), "missing --dir");
        assertEquals(2, run("audit", "export", "--dir", temp.toString(), "--bogus").code(), "unknown option");
        assertEquals(2, run("audit", "export", "--dir", temp.toString(), "--since", "yesterday").code(), "bad time");
        assertEquals(2, run("policy", "check").code(), "missing file");
        Run notATrail = run("audit", "tail", "--dir", temp.toString());
        assertEquals(2, notATrail.code());
        assertTrue(notATrail.err().contains("is not a Warden audit trail"), notATrail.err());
    }

    @Test
    void exportPrintsJsonLinesFiltered() throws Exception {
        Path dir = trail();
        Run all = run("audit", "export", "--dir", dir.toString());
        assertEquals(0, all.code(), all.err());
        String[] lines = all.out().split("\n");
        assertEquals(2, lines.length);
        ObjectMapper mapper = new ObjectMapper();
        assertEquals("/srv/kb/a.md", mapper.readTree(lines[0]).get("target").asText());

        Run denials = run("audit", "export", "--dir", dir.toString(), "--decision", "deny", "--since", "2026-11-24T09:00:00Z");
        assertEquals(0, denials.code(), denials.err());
        assertEquals("/etc/passwd", mapper.readTree(denials.out().trim()).get("target").asText());
    }

    @Test
    void tailPrintsOneLinePerRecord() throws Exception {
        Run r = run("audit", "tail", "--dir", trail().toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("2026-11-24T09:15:02.000Z  ALLOW  file.read /srv/kb/a.md  rule=docs  ok\n"
                + "2026-11-24T09:15:03.000Z  DENY   file.read /etc/passwd  rule=default  blocked\n", r.out());
    }

    @Test
    void policyCheckAcceptsAValidPolicy() throws Exception {
        Path file = Files.writeString(temp.resolve("warden.properties"), String.join("\n",
                "warden.agent.id = support-bot",
                "warden.rule.docs.actions = file.read",
                "warden.rule.docs.targets = /srv/kb/**",
                "warden.rule.docs.effect = allow",
                ""));
        Run r = run("policy", "check", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("OK: " + file + " (policy "), r.out());
        assertTrue(r.out().contains("warden.agent.id = support-bot"), r.out());
    }

    @Test
    void policyCheckListsEveryErrorWithItsLine() throws Exception {
        Path file = Files.writeString(temp.resolve("broken.properties"), String.join("\n",
                "warden.agent.id = support-bot",
                "warden.mode = sometimes",
                "warden.rule.docs.actions = file.reed",
                "warden.rule.docs.effect = allow",
                ""));
        Run r = run("policy", "check", file.toString());
        assertEquals(1, r.code(), r.out());
        String[] errors = r.err().trim().split("\n");
        assertTrue(errors.length >= 2, r.err());
        assertTrue(errors[0].startsWith(file + ":2: "), errors[0]);
        assertTrue(errors[1].startsWith(file + ":3: "), errors[1]);
    }

    @Test
    void policyCheckOfAMissingFileIsBadUsage() {
        Run r = run("policy", "check", temp.resolve("nope.properties").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("nope.properties"), r.err());
    }

    @Test
    void policyExplain() throws Exception {
        Path file = Files.writeString(temp.resolve("warden.properties"), String.join("\n",
                "warden.agent.id = support-bot",
                "warden.rule.docs.actions = file.read",
                "warden.rule.docs.targets = /srv/kb/**",
                "warden.rule.docs.effect = allow",
                ""));
        Run unknown = run("policy", "explain", file.toString(), "file.reed", "/srv/kb/a.md");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown action 'file.reed'"), unknown.err());

        Run r = run("policy", "explain", file.toString(), "file.read", "/srv/kb/a.md");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("docs"), r.out());
    }
}
