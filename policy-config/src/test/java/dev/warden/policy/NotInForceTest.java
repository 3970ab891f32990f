package dev.warden.policy;

import static dev.warden.policy.TestPolicies.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotInForceTest {

    @TempDir
    Path dir;

    @Test
    void listsEveryParsedButUnenforcedKeyWithItsLine() {
        Policy p = TestPolicies.load(dir, policy(
                        "warden.session.ttl = 8h",
                        "warden.agent.trust = read-only",
                        "warden.rule.ask.actions = mail.send",
                        "warden.rule.ask.effect = approve",
                        "warden.rule.ask.max-targets = 3",
                        "warden.rule.wf.actions = http.POST",
                        "warden.rule.wf.effect = allow",
                        "warden.rule.wf.after = file.read:/srv/kb/**"),
                Overrides.of(TestPolicies.props(dir), Map.of("WARDEN_METRICS_PORT", "9464")), Clock.systemUTC());
        assertEquals(List.of(
                "line 3: warden.agent.trust = read-only is parsed but not yet enforced by this version"
                        + " (every rule applies as under full trust)",
                "line 9: warden.rule.wf.after is parsed but not yet enforced by this version: until it is, a deny rule"
                        + " with after applies as if its condition held, and an allow or approve rule with after never applies",
                "environment WARDEN_METRICS_PORT: warden.metrics.port is parsed but not yet enforced by this version"),
                p.notInForce());
    }

    @Test
    void afterIsAppliedConservativelyUntilEnforced() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.rule.wf.actions = http.POST",
                "warden.rule.wf.effect = allow",
                "warden.rule.wf.after = file.read:/srv/kb/**",
                "warden.rule.guard.actions = http.DELETE",
                "warden.rule.guard.effect = deny",
                "warden.rule.guard.after = http.GET:https://x.example/**",
                "warden.rule.open.actions = http.*",
                "warden.rule.open.effect = allow"));
        assertEquals("open", p.decide(Action.http("POST"), "https://a.example:443/").rule(), "allow with after never applies");
        assertEquals("guard", p.decide(Action.http("DELETE"), "https://a.example:443/").rule(), "deny with after always applies");
        assertEquals("file.read:/srv/kb/**", p.rules().get(p.rules().size() - 3).after());
    }

    @Test
    void sessionsAndApprovalsAreInForce() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.session.ttl = 8h",
                "warden.approval.timeout = 30s",
                "warden.approval.webhook = https://hooks.example/warden",
                "warden.rule.ask.actions = mail.send",
                "warden.rule.ask.effect = approve"));
        assertEquals(List.of(), p.notInForce());
    }

    @Test
    void aPlainPolicyHasNothingToReport() {
        assertEquals(List.of(), TestPolicies.load(dir, policy("warden.agent.trust = full")).notInForce());
    }
}
