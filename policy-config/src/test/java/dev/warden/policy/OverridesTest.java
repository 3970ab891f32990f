package dev.warden.policy;

import static dev.warden.policy.TestPolicies.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverridesTest {

    @TempDir
    Path dir;

    private Policy load(String text, Map<String, String> sys, Map<String, String> env) {
        Map<String, String> props = TestPolicies.props(dir);
        props.putAll(sys);
        return TestPolicies.load(dir, text, Overrides.of(props, env), Clock.systemUTC());
    }

    @Test
    void systemPropertyBeatsEnvironmentBeatsFile() {
        String text = policy("warden.mode = enforce", "warden.default = deny");
        assertEquals(Mode.ENFORCE, load(text, Map.of(), Map.of()).settings().mode());
        assertEquals(Mode.MONITOR, load(text, Map.of(), Map.of("WARDEN_MODE", "monitor")).settings().mode());
        Policy both = load(text, Map.of("warden.mode", "enforce"), Map.of("WARDEN_MODE", "monitor"));
        assertEquals(Mode.ENFORCE, both.settings().mode());
        assertEquals("system property", both.origin("warden.mode"));
        Policy env = load(text, Map.of(), Map.of("WARDEN_MODE", "monitor", "WARDEN_DEFAULT", "allow"));
        assertEquals("environment WARDEN_MODE", env.origin("warden.mode"));
        assertEquals(true, env.settings().defaultAllow());
        assertEquals("file line 2", load(text, Map.of(), Map.of()).origin("warden.mode"));
    }

    @Test
    void environmentNamesUseUnderscoresForDotsAndDashes() {
        assertEquals("WARDEN_AUDIT_MAIL_SUBJECT", Overrides.environmentName("warden.audit.mail-subject"));
        Policy p = load(policy(), Map.of(), Map.of("WARDEN_AUDIT_MAIL_SUBJECT", "true", "WARDEN_MODE_SQL", "monitor"));
        assertEquals(true, p.settings().auditMailSubject());
        assertEquals(Mode.MONITOR, p.settings().mode("sql"));
        assertEquals(Mode.ENFORCE, p.settings().mode("file"));
    }

    @Test
    void ruleKeysCannotBeOverridden() {
        String text = policy("warden.rule.r.actions = file.read", "warden.rule.r.effect = deny");
        Policy p = load(text, Map.of("warden.rule.r.effect", "allow"), Map.of("WARDEN_RULE_R_EFFECT", "allow"));
        assertEquals(Decision.DENY, p.decide(Action.FILE_READ, "/data/x").decision());
        assertEquals(Effect.DENY, p.rules().get(p.rules().size() - 1).effect());
    }

    @Test
    void unrelatedWardenPropertiesAreNotPolicyKeys() {
        // warden.config locates the file; it is no policy key and must not be an "unknown key" error.
        Policy p = load(policy(), Map.of("warden.config", "/etc/warden.properties"), Map.of("WARDEN_CONFIG", "/x"));
        assertNull(p.origin("warden.config"));
    }

    @Test
    void effectivePropertiesKeepFileOrderThenAppendOverrides() {
        Policy p = load(policy("warden.mode = enforce", "warden.default = deny"),
                Map.of("warden.mode", "monitor"), Map.of("WARDEN_AUDIT_LEVEL", "denials"));
        assertEquals(List.of(
                Map.entry("warden.agent.id", "test-agent"),
                Map.entry("warden.mode", "monitor"),
                Map.entry("warden.default", "deny"),
                Map.entry("warden.audit.level", "denials")), p.effectiveProperties());
        assertEquals("file line 1", p.origin("warden.agent.id"));
        assertEquals("file line 3", p.origin("warden.default"));
        assertEquals("environment WARDEN_AUDIT_LEVEL", p.origin("warden.audit.level"));
    }

    @Test
    void expansionUsesSystemPropertiesThenEnvironment() {
        Policy p = load(policy(
                        "warden.audit.dir = ${logs}/warden",
                        "warden.rule.r.actions = file.read",
                        "warden.rule.r.targets = ${HOME_DIR}/docs/**",
                        "warden.rule.r.effect = allow"),
                Map.of("logs", "/var/log"), Map.of("HOME_DIR", "/home/a", "logs", "/ignored"));
        assertEquals(Path.of("/var/log/warden"), p.settings().auditDir());
        assertEquals(List.of("/home/a/docs/**"), p.rules().get(p.rules().size() - 1).targets());
        assertEquals(Decision.ALLOW, p.decide(Action.FILE_READ, "/home/a/docs/x.md").decision());
        assertEquals("/var/log/warden", p.effectiveProperties().get(1).getValue());
    }

    @Test
    void overrideValuesAreExpandedToo() {
        Policy p = load(policy(), Map.of("warden.audit.dir", "${base}/audit", "base", "/srv"), Map.of());
        assertEquals(Path.of("/srv/audit"), p.settings().auditDir());
    }

    @Test
    void theVersionHashesEffectiveValuesNotLayout() {
        Policy a = load(policy("warden.mode = enforce", "warden.default = deny"), Map.of(), Map.of());
        Policy b = load("# reordered\nwarden.default=deny\n\nwarden.mode : enforce\nwarden.agent.id test-agent\n", Map.of(), Map.of());
        Policy c = load(policy("warden.mode = enforce", "warden.default = deny"), Map.of(), Map.of("WARDEN_MODE", "monitor"));
        assertEquals(16, a.version().length());
        assertEquals(a.version(), b.version());
        assertNotEquals(a.version(), c.version());
    }

    @Test
    void fromEnvironmentIsOneSnapshot() {
        assertSame(Overrides.fromEnvironment(), Overrides.fromEnvironment());
    }
}
