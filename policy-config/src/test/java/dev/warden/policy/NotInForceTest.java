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
    void everyKeyAndFieldOfThePolicyContractIsInForce() {
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
        assertEquals(List.of(), p.notInForce());
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
        assertEquals(List.of(), TestPolicies.load(dir, policy("warden.agent.trust = read-only", "warden.reload = false",
                "warden.sandbox.allow = https://api.example.com/**")).notInForce(), "trust, sandbox.allow, reload and after are in force");
    }
}
