package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The data-exfiltration guard, end to end in one agent process: after
 * {@code sql.SELECT:customers}, {@code mail.send} to anything but {@code *@example.com} and
 * {@code http.POST} outside the CRM are denied — and not before.
 */
class WorkflowRulesIT {

    @RegisterExtension
    static final SmtpAndWeb servers = new SmtpAndWeb();

    @TempDir
    Path temp;

    /** What the agent may do at all, and the two workflow rules of the issue. */
    static String[] policy(String crm) {
        return new String[] {
            "warden.default = deny",
            "warden.rule.db.actions = sql.connect",
            "warden.rule.db.targets = jdbc:h2:mem:**",
            "warden.rule.db.effect = allow",
            "warden.rule.tables.actions = sql.SELECT, sql.CREATE, sql.INSERT",
            "warden.rule.tables.targets = public.*",
            "warden.rule.tables.effect = allow",
            "warden.rule.mail.actions = mail.send",
            "warden.rule.mail.targets = *@example.com, *@partner.test",
            "warden.rule.mail.effect = allow",
            "warden.rule.web.actions = http.POST",
            "warden.rule.web.targets = " + servers.web.base() + "/**",
            "warden.rule.web.effect = allow",
            "warden.rule.mail-after-customers.actions = mail.send",
            "warden.rule.mail-after-customers.except = *@example.com",
            "warden.rule.mail-after-customers.effect = deny",
            "warden.rule.mail-after-customers.reason = customer data may only be mailed inside example.com",
            "warden.rule.mail-after-customers.after = sql.SELECT:customers",
            "warden.rule.post-after-customers.actions = http.POST",
            "warden.rule.post-after-customers.except = " + crm,
            "warden.rule.post-after-customers.effect = deny",
            "warden.rule.post-after-customers.reason = customer data may only go to the CRM",
            "warden.rule.post-after-customers.after = sql.SELECT:customers",
        };
    }

    /** The workflow tool under {@link #policy}, whose CRM is the web server's {@code /crm/}. */
    private WorkflowToolRun run() throws java.io.IOException {
        return new WorkflowToolRun(temp).policy(policy(servers.web.base() + "/crm/**"));
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("dev.warden.e2e.Jdks#all")
    void afterReadingCustomersMailLeavesOnlyForExampleComAndPostsOnlyForTheCrm(Path jdk) throws Exception {
        WorkflowToolRun run = run();
        String mail = servers.mailStep("");
        String paste = servers.web.base() + "/paste/1";
        String notes = servers.web.base() + "/crm/notes";

        int received = servers.smtp.getReceivedMessages().length; // shared by the JDKs' runs
        ChildJvm.Result r = run.run(jdk, List.of(),
                mail + "bob@partner.test",
                "post:" + paste,
                "sql:SELECT * FROM orders",
                mail + "bob@partner.test",
                "sql:SELECT * FROM customers",
                mail + "bob@partner.test",
                mail + "anna@example.com",
                "post:" + paste,
                "post:" + notes);

        List<String> out = r.stdout();
        String why = out + " " + r.stderr();
        assertEquals("OK " + mail + "bob@partner.test sent", out.get(1), "before customers were read: " + why);
        assertEquals("OK post:" + paste + " status 200", out.get(2), why);
        assertEquals("OK sql:SELECT * FROM orders 1 rows", out.get(3), why);
        assertEquals("OK " + mail + "bob@partner.test sent", out.get(4), "orders are not customers: " + why);
        assertEquals("OK sql:SELECT * FROM customers 1 rows", out.get(5), why);
        assertEquals("ERR " + mail + "bob@partner.test jakarta.mail.SendFailedException: Warden denied mail.send bob@partner.test:"
                + " customer data may only be mailed inside example.com (rule mail-after-customers)", out.get(6), why);
        assertEquals("OK " + mail + "anna@example.com sent", out.get(7), why);
        String target = "http://127.0.0.1:" + servers.web.port() + "/paste/1";
        assertTrue(out.get(8).startsWith("ERR post:" + paste + " java.io.IOException: Warden denied http.POST " + target
                + ": customer data may only go to the CRM (rule post-after-customers)"), why);
        assertEquals("OK post:" + notes + " status 200", out.get(9), "the CRM: " + why);
        assertEquals(received + 3, servers.smtp.getReceivedMessages().length, "the denied message never left: " + why);

        AuditTrail trail = run.trail(jdk);
        List<JsonNode> mails = trail.about("mail.send", "bob@partner.test");
        assertEquals(List.of("allow", "allow", "deny"), mails.stream().map(n -> n.path("decision").asText()).toList(), trail.toString());
        assertEquals("mail-after-customers", mails.get(2).path("rule").asText());
        List<JsonNode> posts = trail.about("http.POST", target);
        assertEquals(List.of("allow", "deny"), posts.stream().map(n -> n.path("decision").asText()).toList(), trail.toString());
    }

    /**
     * The same guard in an agent serving several conversations in one process, each named with
     * {@code WardenSession}: what one conversation read closes the door for it alone — not for
     * another conversation, nor for the process session (work outside any), and the other way round.
     */
    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("dev.warden.e2e.Jdks#all")
    void eachSessionIsGuardedByWhatItReadItself(Path jdk) throws Exception {
        WorkflowToolRun run = run();
        String mail = servers.mailStep("");
        String paste = servers.web.base() + "/paste/1";
        String bob = mail + "bob@partner.test";

        int received = servers.smtp.getReceivedMessages().length; // shared by the JDKs' runs
        ChildJvm.Result r = run.run(jdk, List.of(),
                "in:conv-a:sql:SELECT * FROM customers",
                "in:conv-a:" + bob,
                "in:conv-a:post:" + paste,
                "in:conv-b:" + bob,
                "in:conv-b:post:" + paste,
                bob,
                "post:" + paste,
                "sql:SELECT * FROM customers",
                bob,
                "post:" + paste,
                "in:conv-b:" + bob,
                "in:conv-a:" + mail + "anna@example.com");

        List<String> out = r.stdout();
        String why = out + " " + r.stderr();
        assertEquals("READY", out.get(0), why);
        assertEquals("OK in:conv-a:sql:SELECT * FROM customers 1 rows", out.get(1), why);
        String mailDenied = " jakarta.mail.SendFailedException: Warden denied mail.send bob@partner.test:"
                + " customer data may only be mailed inside example.com (rule mail-after-customers)";
        String target = "http://127.0.0.1:" + servers.web.port() + "/paste/1";
        String postDenied = " java.io.IOException: Warden denied http.POST " + target
                + ": customer data may only go to the CRM (rule post-after-customers)";
        assertEquals("ERR in:conv-a:" + bob + mailDenied, out.get(2), "conv-a read customers: " + why);
        assertTrue(out.get(3).startsWith("ERR in:conv-a:post:" + paste + postDenied), why);
        assertEquals("OK in:conv-b:" + bob + " sent", out.get(4), "conv-b did not: " + why);
        assertEquals("OK in:conv-b:post:" + paste + " status 200", out.get(5), why);
        assertEquals("OK " + bob + " sent", out.get(6), "nor did the process session: " + why);
        assertEquals("OK post:" + paste + " status 200", out.get(7), why);
        assertEquals("OK sql:SELECT * FROM customers 1 rows", out.get(8), why);
        assertEquals("ERR " + bob + mailDenied, out.get(9), "now the process session did: " + why);
        assertTrue(out.get(10).startsWith("ERR post:" + paste + postDenied), why);
        assertEquals("OK in:conv-b:" + bob + " sent", out.get(11), "which is not conv-b's doing: " + why);
        assertEquals("OK in:conv-a:" + mail + "anna@example.com sent", out.get(12), why);
        assertEquals(received + 4, servers.smtp.getReceivedMessages().length, "the denied messages never left: " + why);

        AuditTrail trail = run.trail(jdk);
        List<JsonNode> mails = trail.about("mail.send", "bob@partner.test");
        assertEquals(List.of("conv-a deny", "conv-b allow", "process allow", "process deny", "conv-b allow"),
                mails.stream().map(n -> session(n) + " " + n.path("decision").asText()).toList(), trail.toString());
        List<JsonNode> posts = trail.about("http.POST", target);
        assertEquals(List.of("conv-a deny", "conv-b allow", "process allow", "process deny"),
                posts.stream().map(n -> session(n) + " " + n.path("decision").asText()).toList(), trail.toString());
    }

    /** A named session's id, or {@code process} for the process session (a random id per run). */
    private static String session(JsonNode record) {
        String s = record.path("session").asText();
        return s.startsWith("conv-") ? s : "process";
    }
}
