package dev.warden.policy;

import static dev.warden.policy.TestPolicies.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

    @TempDir
    Path dir;

    private Overrides overrides() {
        return Overrides.of(TestPolicies.props(dir), Map.of());
    }

    @Test
    void continuationLinesFormOneValueAndErrorsPointAtTheFirstLine() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.rule.tickets.actions = sql.SELECT, \\",
                "                              sql.INSERT",
                "warden.rule.tickets.targets = tickets, \\",
                "    ticket_comments",
                "warden.rule.tickets.effect = allow"));
        Rule tickets = p.rules().get(p.rules().size() - 1);
        assertEquals(List.of(Action.sql("SELECT"), Action.sql("INSERT")), tickets.actions());
        assertEquals(List.of("tickets", "ticket_comments"), tickets.targets());
        assertEquals(2, tickets.line());

        PolicyException e = TestPolicies.fail(dir, policy(
                "warden.mode = \\",
                "  enforce, \\",
                "  sometimes"));
        assertEquals(2, e.errors().get(0).line());
        assertEquals("warden.mode: 'enforce, sometimes' is not one of enforce, monitor", e.errors().get(0).message());
    }

    @Test
    void rulesComeInEvaluationOrderBuiltinsFirst() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.rule.b.actions = file.read", "warden.rule.b.effect = allow",
                "warden.rule.a.actions = file.read", "warden.rule.a.effect = allow",
                "warden.rule.b.targets = /b/**"));
        List<String> names = p.rules().stream().map(Rule::name).toList();
        assertEquals(List.of("warden-self", "warden-self", "jvm", "b", "a"), names);
        assertTrue(p.rules().get(2).builtin());
        assertEquals(Path.of(dir.toString(), "warden.properties"), p.source());
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsLatin1AndABomIsSkipped() throws IOException, PolicyException {
        Path f = dir.resolve("latin1.properties");
        Files.write(f, "warden.agent.id = bot\nwarden.default.reason = r\u00e9serv\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("r\u00e9serv\u00e9", PolicyLoader.load(f, overrides()).settings().defaultReason());
        Path bom = dir.resolve("bom.properties");
        Files.writeString(bom, "\uFEFFwarden.agent.id = bot\n", StandardCharsets.UTF_8);
        assertEquals("bot", PolicyLoader.load(bom, overrides()).settings().agentId());
    }

    @Test
    void reloadKeepsLimitersWhoseRuleAndLimitAreUnchanged() throws PolicyException {
        String rules = policy(
                "warden.rule.mail.actions = mail.send", "warden.rule.mail.effect = allow", "warden.rule.mail.limit = 2/1h",
                "warden.rule.web.actions = http.GET", "warden.rule.web.effect = allow", "warden.rule.web.limit = 5/1m");
        Policy first = TestPolicies.load(dir, rules);
        RateLimiter mail = first.decide(Action.MAIL_SEND, "a@x.example").limiter();
        assertTrue(mail.tryAcquire(0));
        Path f = TestPolicies.write(dir, rules.replace("5/1m", "6/1m"));
        Policy second = PolicyLoader.reload(f, overrides(), first);
        assertSame(mail, second.decide(Action.MAIL_SEND, "a@x.example").limiter());
        assertNotSame(first.decide(Action.http("GET"), "https://h:443/").limiter(),
                second.decide(Action.http("GET"), "https://h:443/").limiter(), "the limit changed");
        assertEquals(6, second.decide(Action.http("GET"), "https://h:443/").limiter().limit().count());
    }

    @Test
    void reloadKeepsTheRestartOnlyKeysInForceAndListsWhatTheFileChanged() throws PolicyException {
        Policy first = TestPolicies.load(dir, policy("warden.audit.dir = /var/log/warden/a", "warden.mode = monitor"));
        assertEquals(List.of(), first.restartPending(), "nothing pending at start-up");
        Path f = TestPolicies.write(dir, policy("warden.audit.dir = /var/log/warden/b", "warden.metrics.port = 9464",
                "warden.metrics.bind = 0.0.0.0", "warden.mode = enforce"));
        Policy second = PolicyLoader.reload(f, overrides(), first);
        assertEquals(Path.of("/var/log/warden/a"), second.settings().auditDir());
        assertEquals(null, second.settings().metricsPort());
        assertEquals("127.0.0.1", second.settings().metricsBind());
        assertEquals(Mode.ENFORCE, second.settings().mode(), "every other key takes effect");
        assertEquals(List.of("warden.audit.dir = /var/log/warden/b (in force: /var/log/warden/a)",
                "warden.metrics.port = 9464 (in force: none)", "warden.metrics.bind = 0.0.0.0 (in force: 127.0.0.1)"),
                second.restartPending());
        assertEquals("warden-self", second.decidePath(Action.FILE_DELETE, "/var/log/warden/a/x.cq4", "/var/log/warden/a/x.cq4",
                PerformedActions.NONE).rule(), "the built-in rule protects the trail in use");
        Policy third = PolicyLoader.reload(f, overrides(), second);
        assertEquals(Path.of("/var/log/warden/a"), third.settings().auditDir(), "until a restart");
        assertEquals(3, third.restartPending().size());
    }

    @Test
    void theExampleOfPolicyMdLoadsAndDecides() {
        TestPolicies.MutableClock clock = new TestPolicies.MutableClock("2026-11-24T10:00:00Z");
        Policy p = TestPolicies.load(dir, String.join("\n",
                "warden.agent.id = support-bot",
                "warden.agent.role = support",
                "warden.default = deny",
                "warden.audit.dir = /var/log/warden/support-bot",
                "",
                "warden.rule.docs.actions = file.read",
                "warden.rule.docs.targets = /srv/kb/**",
                "warden.rule.docs.effect = allow",
                "",
                "warden.rule.crm-read.actions = http.GET",
                "warden.rule.crm-read.targets = https://crm.example.com/api/**",
                "warden.rule.crm-read.effect = allow",
                "",
                "warden.rule.tickets.actions = sql.SELECT, sql.INSERT, sql.UPDATE",
                "warden.rule.tickets.targets = tickets, ticket_comments",
                "warden.rule.tickets.effect = allow",
                "",
                "warden.rule.no-erase.actions = sql.DELETE, sql.DROP, sql.TRUNCATE",
                "warden.rule.no-erase.effect = deny",
                "warden.rule.no-erase.reason = agents never erase data",
                "",
                "warden.rule.mail-customers.actions = mail.send",
                "warden.rule.mail-customers.targets = *@example.com",
                "warden.rule.mail-customers.except = ceo@example.com",
                "warden.rule.mail-customers.effect = allow",
                "warden.rule.mail-customers.limit = 50/1h",
                "warden.rule.mail-customers.max-targets = 5",
                "warden.rule.mail-customers.hours = Mon-Fri 09:00-18:00 Europe/Berlin"), overrides(), clock);
        assertEquals("docs", p.decide(Action.FILE_READ, "/srv/kb/faq.md").rule());
        assertEquals("crm-read", p.decide(Action.http("GET"), "https://crm.example.com:443/api/tickets/7").rule());
        assertEquals(Decision.DENY, p.decide(Action.http("POST"), "https://crm.example.com:443/api/tickets").decision());
        assertEquals("tickets", p.decide(Action.sql("INSERT"), "public.ticket_comments").rule());
        assertEquals("no-erase", p.decide(Action.sql("DELETE"), "public.tickets").rule());
        assertEquals("agents never erase data", p.decide(Action.sql("DROP"), "public.x").reason());
        Verdict mail = p.decide(Action.MAIL_SEND, "anna@example.com");
        assertEquals("mail-customers", mail.rule());
        assertEquals(50, mail.limiter().limit().count());
        assertEquals(Decision.DENY, p.decide(Action.MAIL_SEND, "ceo@example.com").decision());
        clock.set("2026-11-24T19:00:00Z");
        assertEquals("default", p.decide(Action.MAIL_SEND, "anna@example.com").rule(), "20:00 in Berlin");
        assertEquals(Path.of("/var/log/warden/support-bot"), p.settings().auditDir());
        assertEquals(List.of(), p.notInForce(), "max-targets is enforced for mail.send");
    }
}
