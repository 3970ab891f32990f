package dev.warden.policy;

import static dev.warden.policy.TestPolicies.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainTest {

    @TempDir
    Path dir;

    @Test
    void everyRuleSaysWhetherItMatchedAndWhyNot() {
        TestPolicies.MutableClock clock = new TestPolicies.MutableClock("2026-11-28T12:00:00Z");
        Policy p = TestPolicies.load(dir, policy(
                        "warden.agent.role = support",
                        "warden.rule.mail.actions = mail.send",
                        "warden.rule.mail.targets = *@example.com",
                        "warden.rule.mail.except = ceo@example.com",
                        "warden.rule.mail.effect = allow",
                        "warden.rule.office.actions = mail.send",
                        "warden.rule.office.effect = allow",
                        "warden.rule.office.hours = Mon-Fri 09:00-18:00 UTC",
                        "warden.rule.ops.actions = mail.send",
                        "warden.rule.ops.roles = ops",
                        "warden.rule.ops.effect = deny",
                        "warden.rule.files.actions = file.read",
                        "warden.rule.files.effect = allow"),
                Overrides.of(TestPolicies.props(dir), Map.of()), clock);
        Explanation e = p.explain(Action.MAIL_SEND, "ceo@example.com", null);
        assertEquals(Decision.DENY, e.verdict().decision());
        assertEquals("support", e.role());
        Map<String, Explanation.RuleCheck> byRule = new java.util.HashMap<>();
        e.checks().forEach(c -> byRule.putIfAbsent(c.rule(), c));
        assertEquals("excluded by except [ceo@example.com]", byRule.get("mail").why());
        assertEquals("outside hours Mon-Fri 09:00-18:00 UTC", byRule.get("office").why());
        assertEquals("role support is not in [ops]", byRule.get("ops").why());
        assertEquals("action mail.send is not in [file.read]", byRule.get("files").why());
        assertTrue(byRule.get("jvm").builtin());
        assertFalse(byRule.get("mail").matched());

        Explanation asOps = p.explain(Action.MAIL_SEND, "anna@example.com", "ops");
        assertEquals("ops", asOps.verdict().rule());
        String text = asOps.toString();
        assertTrue(text.startsWith("mail.send anna@example.com, role ops\ndecision: deny by rule ops: denied by policy\n"), text);
        assertTrue(text.contains("MATCH mail "), text);
        assertTrue(text.contains("MATCH ops "), text);
    }

    @Test
    void explainDoesNotTouchTheCacheOrTheAgentRole() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.rule.ops.actions = net.connect",
                "warden.rule.ops.roles = ops",
                "warden.rule.ops.effect = allow"));
        assertEquals("ops", p.explain(Action.NET_CONNECT, "10.0.0.1:22", "ops").verdict().rule());
        assertEquals("default", p.decide(Action.NET_CONNECT, "10.0.0.1:22").rule());
    }

    /** policy explain answers for the URL as Warden will see it, not as typed. */
    @Test
    void anHttpTargetIsExplainedNormalized() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.rule.crm.actions = http.GET",
                "warden.rule.crm.targets = https://crm.example.com/api/**",
                "warden.rule.crm.effect = allow"), Overrides.none(), java.time.Clock.systemUTC());
        Explanation e = p.explain(Action.http("GET"), "HTTPS://CRM.Example.com./api/x/../tickets?id=1", null);
        assertEquals("https://crm.example.com:443/api/tickets", e.target());
        assertEquals(Decision.ALLOW, e.verdict().decision());
        assertEquals(Decision.DENY, p.explain(Action.http("GET"), "https://crm.example.com@evil.test/api/x", null)
                .verdict().decision());
    }
}
