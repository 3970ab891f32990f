package dev.warden.policy;

import static dev.warden.policy.TestPolicies.policy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Monitor mode: global, per family and per rule. */
class MonitorModeTest {

    @TempDir
    Path dir;

    private static final String DENY_DELETES = String.join("\n",
            "warden.rule.no-erase.actions = sql.DELETE",
            "warden.rule.no-erase.effect = deny",
            "warden.rule.no-tmp.actions = file.write",
            "warden.rule.no-tmp.targets = /tmp/**",
            "warden.rule.no-tmp.effect = deny");

    @Test
    void globalMonitorAllowsEverythingAndRecordsWouldDeny() {
        Policy p = TestPolicies.load(dir, policy("warden.mode = monitor", DENY_DELETES));
        Verdict v = p.decide(Action.sql("DELETE"), "public.t");
        assertEquals(Decision.ALLOW, v.decision());
        assertTrue(v.wouldDeny());
        assertEquals("no-erase", v.rule());
        assertEquals("no-erase", v.wouldDenyRule());
        assertNull(v.limiter());
        assertTrue(p.decide(Action.FILE_WRITE, "/tmp/x").wouldDeny());
    }

    @Test
    void familyModeOverridesTheGlobalModeForThatFamilyOnly() {
        Policy p = TestPolicies.load(dir, policy("warden.mode.sql = monitor", DENY_DELETES));
        assertEquals(Decision.ALLOW, p.decide(Action.sql("DELETE"), "public.t").decision());
        assertEquals(Decision.DENY, p.decide(Action.FILE_WRITE, "/tmp/x").decision());
        Policy q = TestPolicies.load(dir, policy("warden.mode = monitor", "warden.mode.file = enforce", DENY_DELETES));
        assertEquals(Decision.ALLOW, q.decide(Action.sql("DELETE"), "public.t").decision());
        assertEquals(Decision.DENY, q.decide(Action.FILE_WRITE, "/tmp/x").decision());
        assertEquals(Mode.ENFORCE, q.settings().mode("file"));
        assertEquals(Mode.MONITOR, q.settings().mode("jvm"), "families without a key follow warden.mode");
    }

    @Test
    void approveAlsoBecomesWouldDenyInMonitorMode() {
        Policy p = TestPolicies.load(dir, policy("warden.mode = monitor",
                "warden.rule.ask.actions = mail.send", "warden.rule.ask.effect = approve"));
        Verdict v = p.decide(Action.MAIL_SEND, "a@b.example");
        assertEquals(Decision.ALLOW, v.decision());
        assertEquals("ask", v.wouldDenyRule());
        assertEquals("needs approval", v.wouldDenyReason());
    }

    @Test
    void aMonitoredRuleIsEvaluatedButDecidesNothing() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.default = allow",
                "warden.rule.trial.actions = http.*",
                "warden.rule.trial.targets = https://*.example.com/**",
                "warden.rule.trial.effect = deny",
                "warden.rule.trial.reason = not yet",
                "warden.rule.trial.mode = monitor",
                "warden.rule.trial-allow.actions = http.GET",
                "warden.rule.trial-allow.effect = allow",
                "warden.rule.trial-allow.mode = monitor"));
        Verdict v = p.decide(Action.http("POST"), "https://a.example.com:443/x");
        assertEquals(Decision.ALLOW, v.decision());
        assertEquals("default", v.rule());
        assertEquals("trial", v.wouldDenyRule());
        assertEquals("not yet", v.wouldDenyReason());
        Verdict get = p.decide(Action.http("GET"), "https://other.test:443/");
        assertEquals("default", get.rule(), "a monitored allow rule does not allow");
        assertArrayEquals(new String[] {"trial-allow"}, get.monitorRules());
        assertFalse(get.wouldDeny());
    }

    @Test
    void aMonitoredDenyIsNoWouldDenyWhenTheCallIsDeniedAnyway() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.rule.trial.actions = file.write",
                "warden.rule.trial.effect = deny",
                "warden.rule.trial.mode = monitor"));
        Verdict v = p.decide(Action.FILE_WRITE, "/x");
        assertEquals(Decision.DENY, v.decision());
        assertEquals("default", v.rule());
        assertFalse(v.wouldDeny());
        assertArrayEquals(new String[] {"trial"}, v.monitorRules());
    }
}
