package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code warden.reload}: a running agent picks up an edited policy within a second, also when the
 * file is a Kubernetes ConfigMap whose {@code ..data} link is swapped; a broken edit keeps the
 * policy in force and says where it is broken; every record names the version it was decided under.
 */
class HotReloadIT {

    @TempDir
    Path temp;

    private static final String SECRET_RULE = "warden.rule.secret.actions = file.read\n"
            + "warden.rule.secret.targets = %s/**\nwarden.rule.secret.effect = allow\n";

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("dev.warden.e2e.Jdks#all")
    void anEditTakesEffectWithinOneSecondAndRecordsNameTheirVersion(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        String key = ws.secret.resolve("key.txt").toString();
        try (Interactive tool = new Interactive(ws.start(jdk, List.of(), "interactive"))) {
            assertTrue(tool.ask("fis-read:" + key).startsWith("ERR "), "denied before the edit");

            Files.writeString(ws.policy, Files.readString(ws.policy) + SECRET_RULE.formatted(ws.secret));
            long millis = tool.millisUntil("fis-read:" + key, "OK ", 1000);

            ChildJvm.Result r = tool.stop();
            assertEquals(0, r.exitCode(), r.stderr().toString());
            assertTrue(millis <= 1000, "took " + millis + " ms");
        }
        AuditTrail trail = ws.trail(jdk);
        List<JsonNode> reads = trail.about("file.read", key);
        JsonNode before = reads.get(0);
        JsonNode after = reads.get(reads.size() - 1);
        assertEquals("deny", before.path("decision").asText());
        assertEquals("allow", after.path("decision").asText());
        assertEquals("secret", after.path("rule").asText());
        assertNotEquals(before.path("policy").asText(), after.path("policy").asText(), trail.toString());
        JsonNode reload = trail.only("policy.reload", ws.policy.toString());
        assertEquals("allow", reload.path("decision").asText());
        assertEquals(after.path("policy").asText(), reload.path("policy").asText());
        assertEquals("policy version " + after.path("policy").asText() + " replaces " + before.path("policy").asText(),
                reload.path("reason").asText());
        for (JsonNode n : reads) {
            String expected = n.path("decision").asText().equals("deny") ? before.path("policy").asText()
                    : after.path("policy").asText();
            assertEquals(expected, n.path("policy").asText(), n.toString());
        }
    }

    /**
     * Kubernetes mounts a ConfigMap as {@code warden.properties -> ..data/warden.properties} and
     * {@code ..data -> ..<timestamp>}; an update writes a new timestamped directory and renames a
     * new {@code ..data} link over the old one. The file itself is never written.
     */
    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("dev.warden.e2e.Jdks#all")
    void aSwappedConfigMapLinkTakesEffectWithinOneSecond(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        Path mount = Files.createDirectories(ws.root.resolve("config"));
        Path first = Files.createDirectories(mount.resolve("..2026_12_04_19_00_00.1"));
        Files.copy(ws.policy, first.resolve("warden.properties"));
        Files.createSymbolicLink(mount.resolve("..data"), first.getFileName());
        Path linked = mount.resolve("warden.properties");
        Files.createSymbolicLink(linked, Path.of("..data/warden.properties"));
        String key = ws.secret.resolve("key.txt").toString();
        try (Interactive tool = new Interactive(ChildJvm.start(jdk, linked, List.of(), ChildJvm.fileToolClasspath(),
                "dev.warden.testapps.filetool.FileTool", List.of("interactive"), ws.root))) {
            assertTrue(tool.ask("fis-read:" + key).startsWith("ERR "), "denied before the swap");

            Path second = Files.createDirectories(mount.resolve("..2026_12_04_19_05_00.2"));
            Files.writeString(second.resolve("warden.properties"),
                    Files.readString(ws.policy) + SECRET_RULE.formatted(ws.secret));
            Path newLink = Files.createSymbolicLink(mount.resolve("..data_tmp"), second.getFileName());
            Files.move(newLink, mount.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            long millis = tool.millisUntil("fis-read:" + key, "OK ", 1000);

            assertEquals(0, tool.stop().exitCode());
            assertTrue(millis <= 1000, "took " + millis + " ms");
        }
        JsonNode reload = ws.trail(jdk).only("policy.reload", linked.toString());
        assertEquals("allow", reload.path("decision").asText());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("dev.warden.e2e.Jdks#all")
    void aBrokenEditKeepsThePolicyAndIsReportedWithItsLine(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        String doc = ws.kb.resolve("doc.txt").toString();
        String key = ws.secret.resolve("key.txt").toString();
        try (Interactive tool = new Interactive(ws.start(jdk, List.of(), "interactive"))) {
            assertTrue(tool.ask("fis-read:" + doc).startsWith("OK "));

            // line 9: a typo in a field name; line 10: a bad limit. Neither may half-apply.
            Files.writeString(ws.policy, Files.readString(ws.policy)
                    + "warden.rule.secret.effekt = allow\nwarden.rule.kb.limit = lots\n");
            long deadline = System.currentTimeMillis() + 5000;
            while (tool.child.stderr().stream().noneMatch(l -> l.contains("the changed policy is invalid"))) {
                assertTrue(System.currentTimeMillis() < deadline, "no report of the broken edit: " + tool.child.stderr());
                Thread.sleep(20);
            }
            assertTrue(tool.ask("fis-read:" + doc).startsWith("OK "), "the previous policy is still in force");
            assertTrue(tool.ask("fis-read:" + key).startsWith("ERR "));
            String log = String.join("\n", tool.child.stderr());
            assertTrue(log.contains("line 9: unknown rule field 'effekt'"), log);
            assertTrue(log.contains("line 10: warden.rule.kb.limit: bad limit 'lots'"), log);

            // Fixing the file is picked up as any other edit.
            Files.writeString(ws.policy, Files.readString(ws.policy)
                    .replace("warden.rule.secret.effekt = allow\n", SECRET_RULE.formatted(ws.secret))
                    .replace("limit = lots", "limit = 1000/1m"));
            assertTrue(tool.millisUntil("fis-read:" + key, "OK ", 1000) <= 1000);
            assertEquals(0, tool.stop().exitCode());
        }
        AuditTrail trail = ws.trail(jdk);
        List<JsonNode> reloads = trail.about("policy.reload", ws.policy.toString());
        JsonNode refused = reloads.get(0);
        List<JsonNode> reads = trail.about("file.read", doc);
        String original = reads.get(0).path("policy").asText();
        assertEquals("error", refused.path("decision").asText(), trail.toString());
        assertEquals(original, refused.path("policy").asText(), "recorded under the version kept");
        assertTrue(refused.path("reason").asText().startsWith("invalid policy, version " + original + " kept: line 9: unknown rule field 'effekt'"),
                refused.toString());
        assertTrue(refused.path("reason").asText().contains("; line 10: warden.rule.kb.limit: bad limit 'lots'"), refused.toString());
        assertEquals(original, reads.get(1).path("policy").asText(), "the read after the broken edit: the old version");
        assertEquals("allow", reloads.get(1).path("decision").asText(), "the fix");
    }

    /**
     * A key that takes effect only at a restart ({@code warden.audit.dir}): the reload warns that it
     * needs one, and the trail, and the built-in rule that protects it, stay where they are.
     */
    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("dev.warden.e2e.Jdks#all")
    void aRestartOnlyKeyChangedByAReloadWarnsAndKeepsItsValue(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        String doc = ws.kb.resolve("doc.txt").toString();
        Path elsewhere = ws.out.resolve("audit-elsewhere");
        try (Interactive tool = new Interactive(ws.start(jdk, List.of(), "interactive"))) {
            assertTrue(tool.ask("fis-read:" + doc).startsWith("OK "));
            ws.policyReplace("warden.audit.dir = " + ws.audit, "warden.audit.dir = " + elsewhere);
            Control.awaitReload(jdk, ws.audit, 1);
            String log = String.join("\n", tool.child.stderr());
            assertTrue(log.contains("warden.audit.dir = " + elsewhere + " (in force: " + ws.audit + ") needs a restart to take effect"),
                    log);

            String trailFile = ws.audit.resolve("metadata.cq4t").toString();
            assertTrue(tool.ask("fos-write:" + trailFile).endsWith("(rule warden-self)"), "the trail in use is still protected");
            assertTrue(tool.ask("fis-read:" + doc).startsWith("OK "));
            assertEquals(0, tool.stop().exitCode());
        }
        assertEquals(2, ws.trail(jdk).about("file.read", doc).size(), "both reads in the trail in force");
        assertTrue(!Files.exists(elsewhere), "nothing was written to the new directory");
    }

    /** policy.md: a limit is kept across reloads while its rule's name and limit are unchanged. */
    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("dev.warden.e2e.Jdks#all")
    void aLimitKeepsCountingAcrossAReloadUntilItChanges(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy("warden.rule.kb.limit = 2/1h");
        String doc = ws.kb.resolve("doc.txt").toString();
        String key = ws.secret.resolve("key.txt").toString();
        try (Interactive tool = new Interactive(ws.start(jdk, List.of(), "interactive"))) {
            assertTrue(tool.ask("fis-read:" + doc).startsWith("OK "));
            assertTrue(tool.ask("fis-read:" + doc).startsWith("OK "));

            // An unrelated edit: the kb rule and its limit are unchanged, so are the two calls counted.
            Files.writeString(ws.policy, Files.readString(ws.policy) + SECRET_RULE.formatted(ws.secret));
            tool.millisUntil("fis-read:" + key, "OK ", 1000);
            assertEquals("ERR fis-read:" + doc + " java.io.FileNotFoundException: "
                    + Workspace.message("file.read", doc, "rate limit", "rule kb"), tool.ask("fis-read:" + doc));

            // A changed limit starts afresh.
            ws.policyReplace("limit = 2/1h", "limit = 3/1h");
            tool.millisUntil("fis-read:" + doc, "OK ", 1000);
            assertEquals(0, tool.stop().exitCode());
        }
    }
}
