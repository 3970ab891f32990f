package dev.warden.policy;

import static dev.warden.policy.TestPolicies.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaults() {
        Settings s = TestPolicies.load(dir, policy()).settings();
        assertEquals("test-agent", s.agentId());
        assertNull(s.agentRole());
        assertEquals(Trust.FULL, s.trust());
        assertEquals(List.of(), s.sandboxAllow());
        assertEquals(Mode.ENFORCE, s.mode());
        assertFalse(s.defaultAllow());
        assertEquals("no rule allows this", s.defaultReason());
        assertFalse(s.netDefaultAllow());
        assertEquals(dir.resolve("warden-audit"), s.auditDir());
        assertEquals(AuditLevel.ALL, s.auditLevel());
        assertEquals(AuditCaller.DENIALS, s.auditCaller());
        assertFalse(s.auditMailSubject());
        assertEquals(Duration.ofDays(30), s.auditRetain());
        assertNull(s.sessionTtl());
        assertTrue(s.reload());
        assertNull(s.killswitchFile());
        assertEquals(Failure.CLOSED, s.failure());
        assertTrue(s.builtinJvm());
        assertFalse(s.propagate());
        assertEquals(Duration.ofMinutes(5), s.approvalTimeout());
        assertNull(s.approvalWebhook());
        assertNull(s.breakerErrors());
        assertEquals(Duration.ofMinutes(5), s.breakerCooldown());
        assertNull(s.metricsPort());
        assertEquals("127.0.0.1", s.metricsBind());
    }

    @Test
    void everyGlobalKeyOfTheTableIsAccepted() {
        Settings s = TestPolicies.load(dir, String.join("\n",
                "warden.agent.id = bot",
                "warden.agent.role = support",
                "warden.agent.trust = limited-write",
                "warden.sandbox.allow = https://api.openai.com/**, 10.0.0.1:443",
                "warden.mode = monitor",
                "warden.mode.file = enforce",
                "warden.mode.http = monitor",
                "warden.mode.sql = enforce",
                "warden.mode.mail = enforce",
                "warden.mode.net = enforce",
                "warden.mode.process = enforce",
                "warden.default = allow",
                "warden.default.reason = ask the team",
                "warden.net.default = deny",
                "warden.audit.dir = /var/log/warden",
                "warden.audit.level = denials",
                "warden.audit.caller = all",
                "warden.audit.mail-subject = TRUE",
                "warden.audit.retain = 7d",
                "warden.session.ttl = 500ms",
                "warden.reload = false",
                "warden.killswitch.file = stop",
                "warden.failure = open",
                "warden.builtin.jvm = false",
                "warden.propagate = true",
                "warden.approval.timeout = 90s",
                "warden.approval.webhook = https://approve.example.com/hook",
                "warden.breaker.errors = 10/1m",
                "warden.breaker.cooldown = 15m",
                "warden.metrics.port = 9464",
                "warden.metrics.bind = 0.0.0.0")).settings();
        assertEquals("support", s.agentRole());
        assertEquals(Trust.LIMITED_WRITE, s.trust());
        assertEquals(List.of("https://api.openai.com/**", "10.0.0.1:443"), s.sandboxAllow());
        assertEquals(Mode.MONITOR, s.mode());
        assertEquals(Mode.ENFORCE, s.mode("file"));
        assertEquals(Mode.MONITOR, s.mode("http"));
        assertTrue(s.defaultAllow());
        assertFalse(s.netDefaultAllow());
        assertEquals("ask the team", s.defaultReason());
        assertEquals(Path.of("/var/log/warden"), s.auditDir());
        assertEquals(AuditLevel.DENIALS, s.auditLevel());
        assertEquals(AuditCaller.ALL, s.auditCaller());
        assertTrue(s.auditMailSubject());
        assertEquals(Duration.ofDays(7), s.auditRetain());
        assertEquals(Duration.ofMillis(500), s.sessionTtl());
        assertFalse(s.reload());
        assertEquals(dir.resolve("stop"), s.killswitchFile());
        assertEquals(Failure.OPEN, s.failure());
        assertFalse(s.builtinJvm());
        assertTrue(s.propagate());
        assertEquals(Duration.ofSeconds(90), s.approvalTimeout());
        assertEquals("https://approve.example.com/hook", s.approvalWebhook());
        assertEquals(new Limit(10, Duration.ofMinutes(1)), s.breakerErrors());
        assertEquals(Duration.ofMinutes(15), s.breakerCooldown());
        assertEquals(9464, s.metricsPort());
        assertEquals("0.0.0.0", s.metricsBind());
    }
}
