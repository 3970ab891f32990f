package dev.warden.policy;

import static dev.warden.policy.TestPolicies.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** policy.md "Paths": symlinked patterns, written versus real paths, relative patterns. */
class PathRulesTest {

    @TempDir
    Path dir;

    @Test
    void aPatternThroughASymlinkMatchesTheRealPath() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data/home/anna"));
        Path home = Files.createSymbolicLink(dir.resolve("home"), dir.resolve("data/home"));
        TargetMatcher m = TargetSyntax.PATH.compile(home + "/*/docs/**", dir);
        String real = data.toRealPath() + "/docs/a.md";
        assertTrue(m.matches(real), m.toString());
        assertTrue(m.matches(home + "/anna/docs/a.md"), "the pattern as written still matches");
        assertFalse(m.matches(data.toRealPath() + "/x.md"));
    }

    @Test
    void aDanglingLinkInAPatternIsResolvedThroughItsLinkText() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("current"), dir.resolve("releases/v2"));
        TargetMatcher m = TargetSyntax.PATH.compile(link + "/**", dir);
        assertTrue(m.matches(dir.toRealPath() + "/releases/v2/app.jar"), m.toString());
    }

    @Test
    void relativePatternsAreMadeAbsoluteAgainstUserDir() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.rule.r.actions = file.write",
                "warden.rule.r.targets = out/**, ./tmp/../logs/*.log",
                "warden.rule.r.effect = allow"));
        assertEquals(Decision.ALLOW, p.decide(Action.FILE_WRITE, dir + "/out/a/b").decision());
        assertEquals(Decision.ALLOW, p.decide(Action.FILE_WRITE, dir + "/logs/x.log").decision());
        assertEquals(Decision.DENY, p.decide(Action.FILE_WRITE, dir + "/tmp/x.log").decision());
    }

    @Test
    void denyMatchesWrittenOrRealAllowMustMatchReal() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.rule.kb.actions = file.read",
                "warden.rule.kb.targets = /srv/kb/**",
                "warden.rule.kb.effect = allow",
                "warden.rule.secrets.actions = file.read",
                "warden.rule.secrets.targets = /srv/secrets/**",
                "warden.rule.secrets.effect = deny"));
        // A link inside the knowledge base that points at a secret: denied by the real path.
        assertEquals("secrets", p.decidePath(Action.FILE_READ, "/srv/kb/link", "/srv/secrets/key").rule());
        // A link among the secrets that points into the knowledge base: denied by the written path.
        assertEquals("secrets", p.decidePath(Action.FILE_READ, "/srv/secrets/link", "/srv/kb/a.md").rule());
        // A link into the knowledge base from elsewhere: allowed, because the real path is allowed.
        assertEquals("kb", p.decidePath(Action.FILE_READ, "/tmp/link", "/srv/kb/a.md").rule());
        // A link from the knowledge base to elsewhere: the allow rule needs the real path.
        assertEquals("default", p.decidePath(Action.FILE_READ, "/srv/kb/out", "/etc/passwd").rule());
        assertEquals("kb", p.decidePath(Action.FILE_READ, "/srv/kb/a.md", "/srv/kb/a.md").rule());
    }

    @Test
    void exceptOfAnAllowRuleExcludesBothWrittenAndReal() {
        Policy p = TestPolicies.load(dir, policy(
                "warden.rule.home.actions = file.read",
                "warden.rule.home.targets = /home/a/**",
                "warden.rule.home.except = /home/a/.ssh/**",
                "warden.rule.home.effect = allow"));
        assertEquals(Decision.ALLOW, p.decide(Action.FILE_READ, "/home/a/notes.txt").decision());
        assertEquals(Decision.DENY, p.decide(Action.FILE_READ, "/home/a/.ssh/id_rsa").decision());
        assertEquals(Decision.DENY, p.decidePath(Action.FILE_READ, "/home/a/link", "/home/a/.ssh/id_rsa").decision());
        assertEquals(Decision.DENY, p.decidePath(Action.FILE_READ, "/home/a/.ssh/link", "/home/a/notes.txt").decision());
    }

    @Test
    void explainResolvesAFileTargetAsWrittenAndReal() throws IOException {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("key"), "k");
        Path kb = Files.createDirectories(dir.resolve("kb"));
        Files.createSymbolicLink(kb.resolve("link"), secrets.resolve("key"));
        Policy p = TestPolicies.load(dir, policy(
                "warden.rule.kb.actions = file.read",
                "warden.rule.kb.targets = " + kb + "/**",
                "warden.rule.kb.effect = allow"));
        Explanation e = p.explain(Action.FILE_READ, kb.resolve("link").toString(), null);
        assertEquals(secrets.toRealPath().resolve("key").toString(), e.realTarget());
        assertEquals(Decision.DENY, e.verdict().decision());
        assertTrue(e.toString().contains("real path " + secrets.toRealPath().resolve("key") + " does not match targets"),
                e.toString());
    }
}
