package dev.warden.policy;

import static dev.warden.policy.TestPolicies.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltinRulesTest {

    @TempDir
    Path dir;

    private Policy load(String text, String... props) {
        return TestPolicies.load(dir, text, Overrides.of(TestPolicies.props(dir, props), Map.of()), Clock.systemUTC());
    }

    @Test
    void wardenSelfProtectsPolicyAuditDirAndKillSwitch() {
        Policy p = load(policy(
                "warden.default = allow",
                "warden.audit.dir = audit",
                "warden.killswitch.file = /run/warden/stop",
                "warden.rule.all.actions = file.*",
                "warden.rule.all.effect = allow"));
        String policyFile = dir.resolve("warden.properties").toString();
        for (String target : new String[] {policyFile, dir + "/audit", dir + "/audit/q/1.cq4", "/run/warden/stop"}) {
            Verdict v = p.decide(Action.FILE_WRITE, target);
            assertEquals(Decision.DENY, v.decision(), target);
            assertEquals("warden-self", v.rule());
            assertEquals("Warden's own files are protected", v.reason());
            assertTrue(v.enforcedAlways());
            assertEquals(Decision.DENY, p.decide(Action.FILE_DELETE, target).decision(), target);
        }
        assertEquals(Decision.ALLOW, p.decide(Action.FILE_READ, policyFile).decision(), "reading is not protected");
        assertEquals(Decision.ALLOW, p.decide(Action.FILE_WRITE, dir + "/auditx").decision());
        assertEquals("warden-self", p.decide(Action.FILE_DELETE, dir.toString()).rule(), "moving the directory away");
        assertEquals(Decision.ALLOW, p.decide(Action.FILE_WRITE, dir.toString()).decision());
    }

    @Test
    void wardenSelfMatchesThePathAsWrittenAndRealAndIgnoresMonitorMode() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real-audit"));
        Files.createSymbolicLink(dir.resolve("audit"), real);
        Policy p = load(policy("warden.mode = monitor", "warden.audit.dir = audit"));
        Verdict viaLink = p.decidePath(Action.FILE_WRITE, dir + "/audit/x", real.toRealPath() + "/x");
        assertEquals(Decision.DENY, viaLink.decision());
        Verdict elsewhere = p.decidePath(Action.FILE_WRITE, dir + "/other-link", real.toRealPath() + "/x");
        assertEquals(Decision.DENY, elsewhere.decision(), "the real path is in the audit dir");
        assertFalse(elsewhere.wouldDeny());
        assertEquals(Decision.ALLOW, p.decide(Action.FILE_WRITE, "/tmp/x").decision(), "monitor mode for the rest");
    }

    @Test
    void jvmAllowsTheJdkClassPathAndRandomDevices() throws IOException {
        Path javaHome = Files.createDirectories(dir.resolve("jdk"));
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("cacerts"), "");
        Files.createDirectories(javaHome.resolve("lib/security"));
        Files.createSymbolicLink(javaHome.resolve("lib/security/cacerts"), etc.resolve("cacerts"));
        Path classes = Files.createDirectories(dir.resolve("app/classes"));
        Path jar = Files.writeString(dir.resolve("app/lib.jar"), "");
        Policy p = load(policy(), "java.home", javaHome.toString(),
                "java.class.path", classes + ":" + jar + ":relative.jar");
        assertJvm(p, javaHome + "/lib/modules", javaHome + "/lib/modules");
        assertJvm(p, javaHome + "/lib/security/cacerts", etc.toRealPath() + "/cacerts");
        assertJvm(p, classes + "/com/acme/A.class", classes.toRealPath() + "/com/acme/A.class");
        assertJvm(p, classes.toString(), classes.toString());
        assertJvm(p, jar.toString(), jar.toString());
        assertJvm(p, dir + "/relative.jar", dir + "/relative.jar");
        assertJvm(p, "/dev/urandom", "/dev/urandom");
        assertEquals("default", p.decide(Action.FILE_READ, jar + "x").rule(), "a jar exactly");
        assertEquals("default", p.decide(Action.FILE_READ, etc.toRealPath() + "/passwd").rule());
        assertEquals("default", p.decide(Action.FILE_WRITE, javaHome + "/lib/modules").rule(), "reads only");
    }

    @Test
    void jvmAllowsTheOtherJavaAgentsJars() throws IOException {
        Path otel = Files.writeString(dir.resolve("opentelemetry-javaagent.jar"), "");
        Path other = Files.writeString(dir.resolve("other-agent.jar"), "");
        Policy p = load(policy(), "warden.jvm.agents", otel + ":" + other);
        assertJvm(p, otel.toString(), otel.toString());
        assertJvm(p, other.toString(), other.toString());
        assertEquals("default", p.decide(Action.FILE_READ, dir + "/unrelated.jar").rule());
    }

    private static void assertJvm(Policy p, String written, String real) {
        Verdict v = p.decidePath(Action.FILE_READ, written, real);
        assertEquals(Decision.ALLOW, v.decision(), written);
        assertEquals("jvm", v.rule(), written);
        assertTrue(v.builtin(), written);
    }

    @Test
    void aUserDenyBeatsJvmAndJvmCanBeTurnedOff() throws IOException {
        Path javaHome = Files.createDirectories(dir.resolve("jdk"));
        Policy p = load(policy(
                "warden.rule.no-conf.actions = file.read",
                "warden.rule.no-conf.targets = " + javaHome + "/conf/**",
                "warden.rule.no-conf.effect = deny"), "java.home", javaHome.toString());
        assertEquals("no-conf", p.decide(Action.FILE_READ, javaHome + "/conf/x").rule());
        assertEquals("jvm", p.decide(Action.FILE_READ, javaHome + "/lib/x").rule());
        Policy off = load(policy("warden.builtin.jvm = false"), "java.home", javaHome.toString());
        assertEquals("default", off.decide(Action.FILE_READ, javaHome + "/lib/x").rule());
    }

    /** {@code java -cp . App}: the working directory is on the class path; the policy's own rule must decide (and be recorded). */
    @Test
    void aUserAllowRuleIsPreferredOverTheJvmRuleForTheSameRead() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("app"));
        Policy p = load(policy(
                "warden.rule.data.actions = file.read",
                "warden.rule.data.targets = " + classes + "/data/**",
                "warden.rule.data.effect = allow"), "java.class.path", classes.toString());
        Verdict v = p.decide(Action.FILE_READ, classes + "/data/f.bin");
        assertEquals("data", v.rule());
        assertEquals(Decision.ALLOW, v.decision());
        assertFalse(v.builtin());
        assertEquals("jvm", p.decide(Action.FILE_READ, classes + "/com/acme/A.class").rule());
    }

    /** The agent's transformation cache becomes code in java.base: the application may not touch it. */
    @Test
    void wardenSelfProtectsTheTransformationCache() {
        Policy p = load(policy());
        String entry = Path.of(System.getProperty("user.home"), ".cache", "warden", "abc", "java.io.File.class")
                .toAbsolutePath().normalize().toString();
        assertEquals("warden-self", p.decide(Action.FILE_WRITE, entry).rule());
        assertEquals(Decision.DENY, p.decide(Action.FILE_DELETE, entry).decision());
        Path cacheParent = Path.of(System.getProperty("user.home"), ".cache").toAbsolutePath().normalize();
        assertEquals("warden-self", p.decide(Action.FILE_DELETE, cacheParent.toString()).rule(),
                "moving the cache's parent away would let a planted cache in");
    }
}
