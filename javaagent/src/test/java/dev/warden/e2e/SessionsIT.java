package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sessions under the real agent jar: {@code warden.session.ttl}, {@code session revoke ID} from the
 * command line, and the optional {@code WardenSession} API of an application serving several
 * conversations ({@code test-apps/session-tool}, which finds the API by reflection since no test
 * app may depend on Warden).
 */
class SessionsIT {

    private static final String SESSION_TOOL = "dev.warden.testapps.sessiontool.SessionTool";

    @TempDir
    Path temp;

    static List<Path> jdks() {
        return Jdks.all();
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void afterTheSessionTtlEveryActionIsDenied(Path jdk) throws Exception {
        // The session starts in premain; 10 s leave the first read inside it on a loaded machine.
        Workspace ws = new Workspace(temp).policy("warden.session.ttl = 10s");
        String doc = ws.kb.resolve("doc.txt").toString();
        String out = ws.out.resolve("x.txt").toString();

        ChildJvm.Result r = ws.run(jdk, "fis-read:" + doc, "sleep:10500", "fis-read:" + doc, "fos-write:" + out);

        assertEquals("OK fis-read:" + doc + " knowledge", r.line("OK fis-read:"));
        assertEquals("ERR fis-read:" + doc + " java.io.FileNotFoundException: "
                + Workspace.message("file.read", doc, "session expired", "session"), r.line("ERR fis-read:"));
        assertTrue(r.line("ERR fos-write:").endsWith("session expired (session)"), r.toString());
        JsonNode expired = ws.trail(jdk).where(n -> n.path("rule").asText().equals("session")).get(0);
        assertEquals("deny", expired.path("decision").asText());
        assertEquals("session expired", expired.path("reason").asText());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void sessionRevokeFromTheCommandLineDeniesTheSessionsLaterActions(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        String doc = ws.kb.resolve("doc.txt").toString();
        String audit = ws.audit.toString();

        try (ChildJvm child = ws.start(jdk, List.of(), "fis-read:" + doc, "await", "fis-read:" + doc)) {
            child.waitForLine("READY", 60);
            String session = Control.awaitRecord(jdk, ws.audit, n -> n.path("action").asText().equals("file.read"))
                    .path("session").asText();

            ChildJvm.Result unknown = ChildJvm.cli(jdk, "session", "revoke", "no-such-session", "--dir", audit);
            assertEquals(2, unknown.exitCode(), unknown.toString());
            assertTrue(String.join("\n", unknown.stderr()).contains("no session 'no-such-session' in the trail in " + audit),
                    unknown.toString());

            Control.ok(jdk, "session", "revoke", session, "--dir", audit, "--by", "carol");
            JsonNode revoked = Control.awaitRecord(jdk, ws.audit, n -> n.path("action").asText().equals("warden.session.revoke"));
            assertEquals(session, AuditTrail.targetOf(revoked));
            assertEquals("revoked by carol", revoked.path("detail").asText());
            child.sendLine("go");
            ChildJvm.Result r = child.await(60);
            assertEquals("ERR fis-read:" + doc + " java.io.FileNotFoundException: "
                    + Workspace.message("file.read", doc, "session revoked", "session"), r.line("ERR fis-read:"));
        }
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void namedSessionsAreRecordedAndRevokedEachOnItsOwn(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        String doc = ws.kb.resolve("doc.txt").toString();

        try (ChildJvm child = ChildJvm.start(jdk, ws.policy, List.of(), ToolRun.classpath("session-tool"), SESSION_TOOL,
                List.of("conv-a:" + doc, "conv-b:" + doc, "-:" + doc, "await", "conv-a:" + doc, "conv-b:" + doc, "-:" + doc),
                ws.root)) {
            child.waitForLine("READY", 60);
            Control.awaitRecord(jdk, ws.audit, n -> n.path("session").asText().equals("conv-b"));
            Control.ok(jdk, "session", "revoke", "conv-a", "--dir", ws.audit.toString());
            Control.awaitRecord(jdk, ws.audit, n -> n.path("action").asText().equals("warden.session.revoke"));
            child.sendLine("go");
            ChildJvm.Result r = child.await(60);

            assertEquals("API present", r.stdout().get(0));
            List<String> steps = r.stdout().stream().filter(l -> l.startsWith("OK ") || l.startsWith("ERR ")).toList();
            assertEquals(List.of("OK conv-a:" + doc + " knowledge", "OK conv-b:" + doc + " knowledge", "OK -:" + doc + " knowledge"),
                    steps.subList(0, 3));
            // NIO denies with Warden's subclass of AccessDeniedException, whose message is policy.md's.
            assertTrue(steps.get(3).startsWith("ERR conv-a:" + doc + " ")
                    && steps.get(3).endsWith(": " + Workspace.message("file.read", doc, "session revoked", "session")), steps.get(3));
            assertEquals("OK conv-b:" + doc + " knowledge", steps.get(4), "another conversation goes on");
            assertEquals("OK -:" + doc + " knowledge", steps.get(5), "so does the process session");
        }
        AuditTrail trail = ws.trail(jdk);
        List<JsonNode> reads = trail.where(n -> n.path("action").asText().equals("file.read"));
        assertEquals(List.of("conv-a", "conv-b", "process", "conv-a", "conv-b", "process"),
                reads.stream().map(n -> n.path("session").asText().startsWith("conv-") ? n.path("session").asText() : "process").toList());
        assertEquals("session", reads.get(3).path("rule").asText());
        JsonNode revoke = trail.where(n -> n.path("action").asText().equals("warden.session.revoke")).get(0);
        assertEquals("conv-a", revoke.path("session").asText(), "the revocation is recorded in the session it ends");
    }

    /**
     * {@code warden.session.ttl} edited while the agent runs: every session is measured against the
     * new value from its own start — a shortened ttl expires the old sessions at once while a session
     * opened later goes on; a removed ttl lets them all act again.
     */
    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void aTtlEditedWhileTheAgentRunsAppliesToEverySessionFromItsOwnStart(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        String doc = ws.kb.resolve("doc.txt").toString();
        List<String> steps = List.of("conv-a:" + doc, "await", "conv-a:" + doc, "conv-b:" + doc, "-:" + doc, "await",
                "conv-a:" + doc, "conv-b:" + doc, "-:" + doc);

        try (ChildJvm child = ChildJvm.start(jdk, ws.policy, List.of(), ToolRun.classpath("session-tool"), SESSION_TOOL,
                steps, ws.root)) {
            child.waitForLine("READY", 60);
            long conversationAOpened = System.nanoTime(); // at the latest
            Control.awaitRecord(jdk, ws.audit, n -> n.path("session").asText().equals("conv-a"));

            Files.writeString(ws.policy, Files.readString(ws.policy) + "warden.session.ttl = 3s\n");
            Control.awaitReload(jdk, ws.audit, 1);
            long left = conversationAOpened + 3_500_000_000L - System.nanoTime();
            if (left > 0) {
                Thread.sleep(left / 1_000_000);
            }
            child.sendLine("go"); // conv-a (and the process session) are older than 3 s; conv-b starts now
            child.waitForLine("READY", 2, 60);

            Files.writeString(ws.policy, Files.readString(ws.policy).replace("warden.session.ttl = 3s\n", ""));
            Control.awaitReload(jdk, ws.audit, 2);
            child.sendLine("go");
            ChildJvm.Result r = child.await(60);

            List<String> done = r.stdout().stream().filter(l -> l.startsWith("OK ") || l.startsWith("ERR ")).toList();
            String expired = ": " + Workspace.message("file.read", doc, "session expired", "session");
            assertEquals("OK conv-a:" + doc + " knowledge", done.get(0), r.toString());
            assertTrue(done.get(1).startsWith("ERR conv-a:" + doc + " ") && done.get(1).endsWith(expired),
                    "the shortened ttl expired conv-a at once: " + r);
            assertEquals("OK conv-b:" + doc + " knowledge", done.get(2), "conv-b is measured from its own start: " + r);
            assertTrue(done.get(3).startsWith("ERR -:" + doc + " ") && done.get(3).endsWith(expired),
                    "the process session started with the process: " + r);
            assertEquals(List.of("OK conv-a:" + doc + " knowledge", "OK conv-b:" + doc + " knowledge", "OK -:" + doc + " knowledge"),
                    done.subList(4, 7), "the ttl removed: every session acts again");
        }
        List<JsonNode> expiredRecords = ws.trail(jdk).where(n -> n.path("rule").asText().equals("session"));
        assertEquals(2, expiredRecords.size(), expiredRecords.toString());
        for (JsonNode n : expiredRecords) {
            assertEquals("session expired", n.path("reason").asText());
        }
    }

    /** The API without the agent: an application that ships the bootstrap jar runs as if it were absent. */
    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void withoutTheAgentTheSessionApiDoesNothing(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp);
        String doc = ws.kb.resolve("doc.txt").toString();
        String classpath = ToolRun.classpath("session-tool") + File.pathSeparator + bootstrapJar();

        try (ChildJvm child = ChildJvm.start(jdk, null, List.of(), classpath, SESSION_TOOL, List.of("conv-a:" + doc), ws.root)) {
            ChildJvm.Result r = child.await(60);
            assertEquals(List.of("API present", "OK conv-a:" + doc + " knowledge"), r.stdout());
            assertEquals(0, r.exitCode());
        }
        assertFalse(Files.exists(ws.audit), "no agent, no trail");
    }

    private static Path bootstrapJar() throws Exception {
        Path target = ChildJvm.TEST_APPS.resolve("../bootstrap/target").normalize();
        try (Stream<Path> jars = Files.list(target)) {
            return jars.filter(p -> p.getFileName().toString().matches("warden-bootstrap-.*\\.jar")
                    && !p.getFileName().toString().contains("sources")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no warden-bootstrap jar in " + target));
        }
    }
}
