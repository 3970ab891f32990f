package dev.warden.policy;

import static dev.warden.policy.TestPolicies.policy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per numbered point of policy.md's "How a decision is made". */
class HowADecisionIsMadeTest {

    @TempDir
    Path dir;

    private static final Action SELECT = Action.sql("SELECT");
    private static final Action DELETE = Action.sql("DELETE");

    @Test
    void point1_rulesApplyOnlyWhenActionsTargetsExceptAndRolesMatch() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.agent.role = support",
                "warden.rule.mail.actions = mail.send",
                "warden.rule.mail.targets = *@example.com",
                "warden.rule.mail.except = ceo@example.com",
                "warden.rule.mail.effect = allow",
                "warden.rule.ops.actions = mail.send",
                "warden.rule.ops.targets = *@ops.example",
                "warden.rule.ops.roles = ops, admin",
                "warden.rule.ops.effect = allow"));
        assertEquals("mail", p.decide(Action.MAIL_SEND, "anna@example.com").rule());
        assertEquals(Decision.ALLOW, p.decide(Action.MAIL_SEND, "anna@example.com").decision());
        assertEquals(Decision.DENY, p.decide(Action.MAIL_SEND, "ceo@example.com").decision(), "except");
        assertEquals(Decision.DENY, p.decide(Action.MAIL_SEND, "x@other.example").decision(), "target");
        assertEquals(Decision.DENY, p.decide(Action.FILE_READ, "/x@example.com").decision(), "action");
        assertEquals("default", p.decide(Action.MAIL_SEND, "bob@ops.example").rule(), "role support is not ops");
    }

    @Test
    void point1_aRuleWithRolesNeverAppliesWithoutARole() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.rule.ops.actions = net.connect",
                "warden.rule.ops.roles = ops",
                "warden.rule.ops.effect = allow"));
        assertEquals("default", p.decide(Action.NET_CONNECT, "10.0.0.1:22").rule());
        assertEquals("ops", p.explain(Action.NET_CONNECT, "10.0.0.1:22", "ops").verdict().rule());
    }

    @Test
    void point2_denyBeatsApproveBeatsAllow() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.rule.a-allow.actions = sql.*",
                "warden.rule.a-allow.targets = *",
                "warden.rule.a-allow.effect = allow",
                "warden.rule.b-approve.actions = sql.DELETE, sql.SELECT",
                "warden.rule.b-approve.targets = public.*",
                "warden.rule.b-approve.effect = approve",
                "warden.rule.c-deny.actions = sql.DELETE",
                "warden.rule.c-deny.targets = public.customers",
                "warden.rule.c-deny.effect = deny",
                "warden.rule.c-deny.reason = agents never erase data"));
        Verdict denied = p.decide(DELETE, "public.customers");
        assertEquals(Decision.DENY, denied.decision());
        assertEquals("c-deny", denied.rule());
        assertEquals("agents never erase data", denied.reason());
        assertEquals(Decision.APPROVE, p.decide(DELETE, "public.orders").decision());
        assertEquals("b-approve", p.decide(SELECT, "public.orders").rule());
        assertEquals("a-allow", p.decide(SELECT, "crm.accounts").rule());
    }

    @Test
    void point2_monitorRulesAreRecordedButNeverDecide() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.rule.read.actions = sql.SELECT",
                "warden.rule.read.effect = allow",
                "warden.rule.watch.actions = sql.SELECT",
                "warden.rule.watch.targets = hr.*",
                "warden.rule.watch.effect = monitor",
                "warden.rule.trial.actions = sql.SELECT",
                "warden.rule.trial.targets = hr.salaries",
                "warden.rule.trial.effect = deny",
                "warden.rule.trial.mode = monitor"));
        Verdict v = p.decide(SELECT, "hr.salaries");
        assertEquals(Decision.ALLOW, v.decision());
        assertEquals("read", v.rule());
        assertArrayEquals(new String[] {"watch"}, v.monitorRules());
        assertTrue(v.wouldDeny());
        assertEquals("trial", v.wouldDenyRule());
        assertEquals("denied by policy", v.wouldDenyReason());
        Verdict plain = p.decide(SELECT, "public.t");
        assertEquals(0, plain.monitorRules().length);
        assertSame(Verdict.NO_RULES, plain.monitorRules());
        assertFalse(plain.wouldDeny());
    }

    @Test
    void point3_noMatchingRuleFallsToTheDefaults() {
        Policy deny = TestPolicies.load(dir, policy("warden.default.reason = not on the list"));
        Verdict v = deny.decide(Action.FILE_WRITE, "/tmp/x");
        assertEquals(Decision.DENY, v.decision());
        assertEquals("default", v.rule());
        assertEquals("not on the list", v.reason());
        assertEquals(Decision.ALLOW, deny.decide(Action.JVM_EXIT, "0").decision(), "jvm.exit never falls to the default");

        Policy allow = TestPolicies.load(dir, policy("warden.default = allow", "warden.net.default = deny"));
        assertEquals(Decision.ALLOW, allow.decide(Action.FILE_WRITE, "/tmp/x").decision());
        assertEquals(Decision.DENY, allow.decide(Action.NET_CONNECT, "10.0.0.1:80").decision());
        Policy netFollows = TestPolicies.load(dir, policy("warden.default = allow"));
        assertEquals(Decision.ALLOW, netFollows.decide(Action.NET_CONNECT, "10.0.0.1:80").decision());
    }

    @Test
    void point3_jvmExitIsDeniedOnlyByARule() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.rule.no-exit.actions = jvm.exit",
                "warden.rule.no-exit.targets = 1",
                "warden.rule.no-exit.effect = deny"));
        assertEquals(Decision.DENY, p.decide(Action.JVM_EXIT, "1").decision());
        assertEquals(Decision.ALLOW, p.decide(Action.JVM_EXIT, "0").decision());
    }

    @Test
    void point4_severalTargetsAreDecidedEachAndTheStrictestWins() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.rule.mail.actions = mail.send",
                "warden.rule.mail.targets = *@example.com",
                "warden.rule.mail.effect = allow",
                "warden.rule.mail.max-targets = 5"));
        Verdict all = p.decideAll(Action.MAIL_SEND, "a@example.com", "x@evil.test", "b@example.com");
        assertEquals(Decision.DENY, all.decision());
        assertEquals("default", all.rule());
        Verdict ok = p.decideAll(Action.MAIL_SEND, "a@example.com", "b@example.com");
        assertEquals(Decision.ALLOW, ok.decision());
        assertEquals(5, ok.maxTargets(), "max-targets travels with the verdict for the agent to check first");
    }

    @Test
    void point4_strictestOrdersDenyApproveWouldDenyAllow() {
        Verdict allow = new Verdict(Decision.ALLOW, "a", "r", null, null, Verdict.NO_RULES, false, false, null, 0, 0);
        Verdict wouldDeny = new Verdict(Decision.ALLOW, "a", "r", "m", "r", Verdict.NO_RULES, false, false, null, 0, 0);
        Verdict approve = new Verdict(Decision.APPROVE, "b", "r", null, null, Verdict.NO_RULES, false, false, null, 0, 0);
        Verdict deny = new Verdict(Decision.DENY, "c", "r", null, null, Verdict.NO_RULES, false, false, null, 0, 0);
        assertSame(deny, Verdict.strictest(approve, deny));
        assertSame(approve, Verdict.strictest(approve, wouldDeny));
        assertSame(wouldDeny, Verdict.strictest(allow, wouldDeny));
        assertSame(allow, Verdict.strictest(allow, allow));
    }

    @Test
    void point5_theDecidingAllowRuleHandsOverItsLimiter() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.rule.mail.actions = mail.send",
                "warden.rule.mail.effect = allow",
                "warden.rule.mail.limit = 2/1h"));
        Verdict v = p.decide(Action.MAIL_SEND, "a@example.com");
        RateLimiter limiter = v.limiter();
        assertNotNull(limiter);
        assertSame(limiter, p.decide(Action.MAIL_SEND, "b@example.com").limiter(), "one limiter per rule");
        assertTrue(limiter.tryAcquire(0));
        assertTrue(limiter.tryAcquire(1));
        assertFalse(limiter.tryAcquire(2));
        assertNull(p.decide(Action.FILE_READ, "/x").limiter());
    }

    @Test
    void point6_monitorModeTurnsADenyIntoAnAllowRecordedAsWouldDeny() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.mode = monitor",
                "warden.rule.no-erase.actions = sql.DELETE",
                "warden.rule.no-erase.effect = deny",
                "warden.rule.no-erase.reason = agents never erase data"));
        Verdict v = p.decide(DELETE, "public.customers");
        assertEquals(Decision.ALLOW, v.decision());
        assertTrue(v.wouldDeny());
        assertEquals("no-erase", v.wouldDenyRule());
        assertEquals("agents never erase data", v.wouldDenyReason());
        Verdict byDefault = p.decide(Action.FILE_WRITE, "/tmp/x");
        assertEquals(Decision.ALLOW, byDefault.decision());
        assertEquals("default", byDefault.wouldDenyRule());
    }
}
