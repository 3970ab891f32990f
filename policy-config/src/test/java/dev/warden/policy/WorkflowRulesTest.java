package dev.warden.policy;

import static dev.warden.policy.TestPolicies.policy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code after = <action>:<target pattern>}: workflow rules, which apply once the session did something. */
class WorkflowRulesTest {

    @TempDir
    Path dir;

    /** The data-exfiltration guard: after reading customers, mail only our domain and POST only to the CRM. */
    static String exfiltrationGuard() {
        return policy(
                "warden.default = allow",
                "warden.rule.mail-after-customers.actions = mail.send",
                "warden.rule.mail-after-customers.except = *@example.com",
                "warden.rule.mail-after-customers.effect = deny",
                "warden.rule.mail-after-customers.reason = customer data may only be mailed inside example.com",
                "warden.rule.mail-after-customers.after = sql.SELECT:customers",
                "warden.rule.post-after-customers.actions = http.POST",
                "warden.rule.post-after-customers.except = https://crm.example.com/**",
                "warden.rule.post-after-customers.effect = deny",
                "warden.rule.post-after-customers.reason = customer data may only go to the CRM",
                "warden.rule.post-after-customers.after = sql.SELECT:customers");
    }

    @Test
    void theExfiltrationGuardAppliesOnlyOnceTheSessionReadCustomers() {
        Policy p = TestPolicies.load(dir, exfiltrationGuard());
        PerformedActions session = new PerformedActions();
        Action post = Action.http("POST");

        assertEquals(Decision.ALLOW, p.decide(Action.MAIL_SEND, "eve@evil.test", session).decision(), "nothing read yet");
        assertEquals(Decision.ALLOW, p.decide(post, "https://paste.evil.test:443/", session).decision());
        Verdict orders = p.decide(Action.sql("SELECT"), "public.orders", session);
        assertEquals(0, orders.performs().length, "orders is not customers");
        Verdict select = p.decide(Action.sql("SELECT"), "public.customers", session);
        assertEquals(Decision.ALLOW, select.decision());
        session.remember(select.performs());

        Verdict mail = p.decide(Action.MAIL_SEND, "eve@evil.test", session);
        assertEquals(Decision.DENY, mail.decision());
        assertEquals("mail-after-customers", mail.rule());
        assertEquals("customer data may only be mailed inside example.com", mail.reason());
        assertEquals(Decision.ALLOW, p.decide(Action.MAIL_SEND, "anna@example.com", session).decision(), "own domain");
        assertEquals("post-after-customers", p.decide(post, "https://paste.evil.test:443/", session).rule());
        assertEquals(Decision.ALLOW, p.decide(post, "https://crm.example.com:443/api/notes", session).decision(), "the CRM");
        assertEquals(Decision.ALLOW, p.decide(Action.http("GET"), "https://paste.evil.test:443/", session).decision(),
                "only POST is guarded");

        PerformedActions other = new PerformedActions();
        assertEquals(Decision.ALLOW, p.decide(Action.MAIL_SEND, "eve@evil.test", other).decision(), "another session read nothing");
        assertEquals(Decision.ALLOW, p.decide(Action.MAIL_SEND, "eve@evil.test").decision(), "decide without a session: nothing done");
    }

    @Test
    void anAllowRuleWithAfterOpensOnlyAfterItsCondition() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.rule.kb.actions = file.read",
                "warden.rule.kb.targets = " + dir + "/kb/**",
                "warden.rule.kb.effect = allow",
                "warden.rule.report.actions = http.POST",
                "warden.rule.report.targets = https://reports.example.com/**",
                "warden.rule.report.effect = allow",
                "warden.rule.report.after = file.read:" + dir + "/kb/**"));
        PerformedActions session = new PerformedActions();
        Action post = Action.http("POST");
        assertEquals("default", p.decide(post, "https://reports.example.com:443/x", session).rule());
        Verdict read = p.decidePath(Action.FILE_READ, dir + "/kb/a.md", dir + "/kb/a.md", session);
        session.remember(read.performs());
        assertEquals("report", p.decide(post, "https://reports.example.com:443/x", session).rule());
    }

    @Test
    void aRuleWithAfterAndHoursNeedsBoth() {
        TestPolicies.MutableClock clock = new TestPolicies.MutableClock("2026-11-23T10:00:00Z");
        Policy p = TestPolicies.load(dir, policy(
                "warden.default = allow",
                "warden.rule.g.actions = mail.send",
                "warden.rule.g.effect = deny",
                "warden.rule.g.hours = Mon-Fri 09:00-12:00 UTC",
                "warden.rule.g.after = sql.SELECT:customers"),
                Overrides.of(TestPolicies.props(dir), Map.of()), clock);
        PerformedActions session = new PerformedActions();
        assertEquals(Decision.ALLOW, p.decide(Action.MAIL_SEND, "a@b.test", session).decision(), "in hours, condition unmet");
        session.remember(p.decide(Action.sql("SELECT"), "customers", session).performs());
        assertEquals(Decision.DENY, p.decide(Action.MAIL_SEND, "a@b.test", session).decision());
        clock.set("2026-11-23T13:00:00Z");
        assertEquals(Decision.ALLOW, p.decide(Action.MAIL_SEND, "a@b.test", session).decision(), "condition met, outside hours");
    }

    @Test
    void aReloadKeepsWhatTheSessionDidForConditionsItKeeps() throws PolicyException {
        Policy first = TestPolicies.load(dir, exfiltrationGuard());
        PerformedActions session = new PerformedActions();
        int[] customers = first.decide(Action.sql("SELECT"), "customers", session).performs();
        session.remember(customers);
        Path f = TestPolicies.write(dir, exfiltrationGuard().replace("crm.example.com", "crm2.example.com")
                + "warden.rule.new.actions = http.PUT\nwarden.rule.new.effect = deny\nwarden.rule.new.after = sql.SELECT:orders\n");
        Policy second = PolicyLoader.reload(f, Overrides.of(TestPolicies.props(dir), Map.of()), first);

        assertArrayEquals(customers, second.decide(Action.sql("SELECT"), "customers", session).performs(), "same number");
        assertEquals("mail-after-customers", second.decide(Action.MAIL_SEND, "eve@evil.test", session).rule(),
                "the session read customers before the reload");
        assertEquals(Decision.ALLOW, second.decide(Action.http("PUT"), "https://x.test:443/", session).decision(),
                "a new condition starts unmet");
        int[] orders = second.decide(Action.sql("SELECT"), "orders", session).performs();
        assertEquals(1, orders.length);
        assertFalse(orders[0] == customers[0], "a new condition gets a new number");
    }

    @Test
    void oneActionMayMeetSeveralConditionsAndVerdictsStayShared() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.default = allow",
                "warden.rule.a.actions = mail.send", "warden.rule.a.effect = deny", "warden.rule.a.after = sql.SELECT:customers",
                "warden.rule.b.actions = http.POST", "warden.rule.b.effect = deny", "warden.rule.b.after = sql.S*:public.*"));
        Verdict v = p.decide(Action.sql("SELECT"), "public.customers");
        assertEquals(2, v.performs().length);
        assertSame(v, p.decide(Action.sql("SELECT"), "public.customers"), "a cache hit");
        PerformedActions session = new PerformedActions();
        session.remember(v.performs());
        session.remember(v.performs());
        assertEquals(Decision.DENY, p.decide(Action.MAIL_SEND, "x@y.test", session).decision());
        assertEquals(Decision.DENY, p.decide(Action.http("POST"), "https://y.test:443/", session).decision());
        assertTrue(p.explain(Action.MAIL_SEND, "x@y.test", null).toString().contains("applies only after sql.SELECT:customers"),
                p.explain(Action.MAIL_SEND, "x@y.test", null).toString());
    }
}
