package dev.warden.policy;

import static dev.warden.policy.TestPolicies.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warden.agent.trust}: a ceiling over whatever the rules allow. */
class TrustCeilingTest {

    @TempDir
    Path dir;

    private Policy load(String trust, String... lines) throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String[] all = new String[lines.length + 2];
        all[0] = "warden.default = allow";
        all[1] = "warden.agent.trust = " + trust;
        System.arraycopy(lines, 0, all, 2, lines.length);
        return TestPolicies.load(dir, policy(all),
                Overrides.of(TestPolicies.props(dir, "java.io.tmpdir", tmp.toString()), Map.of()), Clock.systemUTC());
    }

    private static void refused(Policy p, String level, Action a, String target) {
        Verdict v = p.decide(a, target);
        assertEquals(Decision.DENY, v.decision(), a + " " + target + ": " + v);
        assertEquals("trust", v.rule());
        assertEquals("trust " + level, v.reason());
        assertTrue(v.byCeiling());
    }

    private static void allowed(Policy p, Action a, String target) {
        Verdict v = p.decide(a, target);
        assertEquals(Decision.ALLOW, v.decision(), a + " " + target + ": " + v);
        assertFalse(v.byCeiling());
    }

    @Test
    void readOnlyRefusesEveryWriteWhateverTheRulesSay() throws IOException {
        Policy p = load("read-only");
        String file = dir.resolve("a.txt").toString();
        allowed(p, Action.FILE_READ, file);
        refused(p, "read-only", Action.FILE_WRITE, file);
        refused(p, "read-only", Action.FILE_DELETE, file);
        allowed(p, Action.sql("SELECT"), "public.customers");
        allowed(p, Action.SQL_CONNECT, "jdbc:h2:mem:x");
        for (String verb : new String[] {"INSERT", "UPDATE", "DELETE", "DROP", "SET", "CALL", "OTHER"}) {
            refused(p, "read-only", Action.sql(verb), "public.customers");
        }
        refused(p, "read-only", Action.MAIL_SEND, "a@example.com");
        allowed(p, Action.http("GET"), "https://api.example.com:443/");
        allowed(p, Action.http("HEAD"), "https://api.example.com:443/");
        for (String m : new String[] {"POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
            refused(p, "read-only", Action.http(m), "https://api.example.com:443/");
        }
        refused(p, "read-only", Action.PROCESS_EXEC, "/usr/bin/ls -l");
        refused(p, "read-only", Action.NET_CONNECT, "10.0.0.1:5432");
        allowed(p, Action.JVM_EXIT, "0");
    }

    @Test
    void aDenyRuleStillDeniesUnderTheCeilingAndMonitorModeRecordsTheCeiling() throws IOException {
        Policy p = load("read-only", "warden.rule.no.actions = file.read", "warden.rule.no.targets = /etc/**",
                "warden.rule.no.effect = deny", "warden.mode.mail = monitor");
        assertEquals("no", p.decide(Action.FILE_READ, "/etc/shadow").rule());
        Verdict mail = p.decide(Action.MAIL_SEND, "a@example.com");
        assertEquals(Decision.ALLOW, mail.decision());
        assertTrue(mail.wouldDeny());
        assertEquals("trust", mail.wouldDenyRule());
        assertEquals("trust read-only", mail.wouldDenyReason());
    }

    @Test
    void limitedWriteAllowsWritesOnlyThroughRulesWithALimit() throws IOException {
        Policy p = load("limited-write",
                "warden.rule.mail.actions = mail.send", "warden.rule.mail.targets = *@example.com",
                "warden.rule.mail.effect = allow", "warden.rule.mail.limit = 10/1h",
                "warden.rule.notes.actions = sql.INSERT", "warden.rule.notes.targets = notes", "warden.rule.notes.effect = allow");
        Verdict mail = p.decide(Action.MAIL_SEND, "a@example.com");
        assertEquals(Decision.ALLOW, mail.decision());
        assertEquals("mail", mail.rule());
        refused(p, "limited-write", Action.MAIL_SEND, "a@elsewhere.test"); // allowed by the default, no limit
        refused(p, "limited-write", Action.sql("INSERT"), "public.notes"); // a rule without a limit
        allowed(p, Action.sql("SELECT"), "public.notes");
        allowed(p, Action.FILE_READ, dir.resolve("x").toString());
        refused(p, "limited-write", Action.FILE_WRITE, dir.resolve("x").toString());
    }

    @Test
    void sandboxKeepsTheAgentInTmpAndTalkingOnlyToWhatIsListed() throws IOException {
        Policy p = load("sandbox", "warden.sandbox.allow = https://api.openai.com/v1/**, 10.1.2.3:443, jdbc:h2:mem:**");
        String tmp = dir.resolve("tmp").toRealPath().toString();
        allowed(p, Action.FILE_READ, tmp + "/work/a.txt");
        allowed(p, Action.FILE_WRITE, tmp + "/work/a.txt");
        allowed(p, Action.FILE_DELETE, tmp + "/work/a.txt");
        refused(p, "sandbox", Action.FILE_READ, dir.resolve("a.txt").toString());
        refused(p, "sandbox", Action.FILE_WRITE, "/etc/passwd");
        allowed(p, Action.http("POST"), "https://api.openai.com:443/v1/chat/completions");
        refused(p, "sandbox", Action.http("GET"), "https://example.com:443/");
        allowed(p, Action.NET_CONNECT, "10.1.2.3:443");
        refused(p, "sandbox", Action.NET_CONNECT, "10.1.2.4:443");
        allowed(p, Action.SQL_CONNECT, "jdbc:h2:mem:scratch");
        refused(p, "sandbox", Action.SQL_CONNECT, "jdbc:postgresql://db:5432/crm");
        allowed(p, Action.sql("SELECT"), "public.t");
        refused(p, "sandbox", Action.sql("INSERT"), "public.t");
        refused(p, "sandbox", Action.MAIL_SEND, "a@example.com");
        refused(p, "sandbox", Action.PROCESS_EXEC, "/usr/bin/ls");
    }

    @Test
    void theBuiltInJvmRuleIsExempt() throws IOException {
        Policy p = load("sandbox");
        String javaHome = System.getProperty("java.home");
        Verdict v = p.decidePath(Action.FILE_READ, javaHome + "/lib/modules", Path.of(javaHome).toRealPath() + "/lib/modules");
        assertEquals("jvm", v.rule());
        assertEquals(Decision.ALLOW, v.decision());
    }

    @Test
    void fullTrustChangesNothing() throws IOException {
        Policy p = load("full");
        allowed(p, Action.FILE_WRITE, "/srv/x");
        assertNull(TrustCeiling.FULL.refuses(Action.MAIL_SEND, "a@b.test", null));
    }
}
