package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Human approval ({@code effect = approve}) under the real agent jar: the file tool's read waits
 * while the test plays the person, reading the pending request's id from the trail (or the
 * webhook) and answering with {@code approve} or {@code reject} from the command line.
 */
class ApprovalIT {

    @TempDir
    Path temp;

    static List<Path> jdks() {
        return Jdks.all();
    }

    /** The workspace's policy plus rule {@code ask}: reading {@code kb/ask.txt} needs a person. */
    private Workspace workspace(String... extra) throws Exception {
        Workspace ws = new Workspace(temp);
        Files.writeString(ws.kb.resolve("ask.txt"), "sensitive\n");
        List<String> lines = new ArrayList<>(List.of(
                "warden.rule.ask.actions = file.read",
                "warden.rule.ask.targets = " + ws.kb.resolve("ask.txt"),
                "warden.rule.ask.effect = approve"));
        lines.addAll(List.of(extra));
        return ws.policy(lines.toArray(new String[0]));
    }

    private static JsonNode pending(Path jdk, Workspace ws) throws Exception {
        return Control.awaitRecord(jdk, ws.audit, n -> n.path("decision").asText().equals("pending"));
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void anApprovedCallProceedsAndTheTrailSaysWhoApproved(Path jdk) throws Exception {
        Workspace ws = workspace();
        String ask = ws.kb.resolve("ask.txt").toString();

        try (ChildJvm child = ws.start(jdk, List.of(), "fis-read:" + ask)) {
            JsonNode request = pending(jdk, ws);
            String id = request.path("approval").asText();
            assertTrue(id.matches("[0-9a-f]{12}"), request.toString());
            assertEquals("ask", request.path("rule").asText());
            assertTrue(request.path("caller").asText().startsWith("dev.warden.testapps.filetool."), request.toString());

            ChildJvm.Result tail = Control.ok(jdk, "audit", "tail", "--dir", ws.audit.toString());
            assertTrue(tail.stdout().stream().anyMatch(l -> l.contains("PENDING") && l.contains("approval=" + id)), tail.toString());

            ChildJvm.Result unknown = ChildJvm.cli(jdk, "approve", "000000000000", "--dir", ws.audit.toString());
            assertEquals(2, unknown.exitCode(), unknown.toString());
            assertTrue(String.join("\n", unknown.stderr()).contains("no approval request '000000000000'"), unknown.toString());

            Control.ok(jdk, "approve", id, "--dir", ws.audit.toString(), "--by", "alice");
            ChildJvm.Result r = child.await(60);
            assertEquals("OK fis-read:" + ask + " sensitive", r.line("OK fis-read:"));
            assertTrue(String.join("\n", r.stderr()).contains("approval " + id + " requested"), "logged for the operator: " + r);
            JsonNode approved = Control.awaitRecord(jdk, ws.audit, n -> n.path("decision").asText().equals("approved"));
            assertEquals(id, approved.path("approval").asText());
            assertEquals("approved by alice", approved.path("reason").asText());
            assertEquals("ok", approved.path("outcome").asText());
            assertEquals(ask, AuditTrail.targetOf(approved));
        }
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void aRejectedCallFailsNamingWhoRejected(Path jdk) throws Exception {
        Workspace ws = workspace();
        String ask = ws.kb.resolve("ask.txt").toString();

        try (ChildJvm child = ws.start(jdk, List.of(), "fis-read:" + ask)) {
            String id = pending(jdk, ws).path("approval").asText();
            Control.ok(jdk, "reject", id, "--dir", ws.audit.toString(), "--by", "bob");
            ChildJvm.Result r = child.await(60);
            assertEquals("ERR fis-read:" + ask + " java.io.FileNotFoundException: "
                    + Workspace.message("file.read", ask, "rejected by bob", "rule ask"), r.line("ERR fis-read:"));

            ChildJvm.Result again = ChildJvm.cli(jdk, "approve", id, "--dir", ws.audit.toString());
            assertEquals(2, again.exitCode(), again.toString());
            assertTrue(String.join("\n", again.stderr()).contains("was already answered: rejected (rejected by bob)"), again.toString());
        }
        JsonNode rejected = ws.trail(jdk).where(n -> n.path("decision").asText().equals("rejected")).get(0);
        assertEquals("blocked", rejected.path("outcome").asText());
        assertEquals("rejected by bob", rejected.path("reason").asText());
    }

    /** {@code warden.approval.timeout} edited while the agent runs: the next request times out by the new value. */
    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void aTimeoutEditedWhileTheAgentRunsAppliesToTheNextRequest(Path jdk) throws Exception {
        Workspace ws = workspace("warden.approval.timeout = 10m");
        String ask = ws.kb.resolve("ask.txt").toString();
        String doc = ws.kb.resolve("doc.txt").toString();

        try (Interactive tool = new Interactive(ws.start(jdk, List.of(), "interactive"))) {
            assertTrue(tool.ask("fis-read:" + doc).startsWith("OK "));
            ws.policyReplace("warden.approval.timeout = 10m", "warden.approval.timeout = 1s");
            Control.awaitReload(jdk, ws.audit, 1);

            long start = System.nanoTime();
            String answer = tool.ask("fis-read:" + ask); // nobody answers
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("ERR fis-read:" + ask + " java.io.FileNotFoundException: "
                    + Workspace.message("file.read", ask, "approval timeout", "rule ask"), answer);
            assertTrue(millis >= 900 && millis < 10_000, "timed out after " + millis + " ms, not by the 1 s in force");
            assertEquals(0, tool.stop().exitCode());
        }
        JsonNode rejected = ws.trail(jdk).where(n -> n.path("decision").asText().equals("rejected")).get(0);
        assertEquals("approval timeout", rejected.path("reason").asText());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void noAnswerWithinTheTimeoutRejects(Path jdk) throws Exception {
        Workspace ws = workspace("warden.approval.timeout = 1s");
        String ask = ws.kb.resolve("ask.txt").toString();

        ChildJvm.Result r = ws.run(jdk, "fis-read:" + ask);

        assertEquals("ERR fis-read:" + ask + " java.io.FileNotFoundException: "
                + Workspace.message("file.read", ask, "approval timeout", "rule ask"), r.line("ERR fis-read:"));
        AuditTrail trail = ws.trail(jdk);
        String id = trail.where(n -> n.path("decision").asText().equals("pending")).get(0).path("approval").asText();
        JsonNode rejected = trail.where(n -> n.path("decision").asText().equals("rejected")).get(0);
        assertEquals(id, rejected.path("approval").asText());
        assertEquals("approval timeout", rejected.path("reason").asText());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void theWebhookReceivesThePendingRequest(Path jdk) throws Exception {
        try (LoopbackHttpServer hook = LoopbackHttpServer.http()) {
            Workspace ws = workspace("warden.approval.webhook = " + hook.base() + "/warden");
            String ask = ws.kb.resolve("ask.txt").toString();

            try (ChildJvm child = ws.start(jdk, List.of(), "fis-read:" + ask)) {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (hook.requests().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals(1, hook.requests().size(), "one POST per pending request");
                LoopbackHttpServer.Request post = hook.requests().get(0);
                assertEquals("POST", post.method());
                assertTrue(post.header("Content-Type").startsWith("application/json"), post.headers().toString());
                JsonNode body = new ObjectMapper().readTree(post.body());
                String id = body.path("approval").asText();
                assertEquals("file.read", body.path("action").asText());
                assertEquals(ask, body.path("target").get(0).asText());
                assertEquals("java -jar warden-agent.jar reject " + id + " --dir " + ws.audit, body.path("reject").asText());

                Control.ok(jdk, "reject", id, "--dir", ws.audit.toString(), "--by", "chat-bot");
                assertTrue(child.await(60).line("ERR fis-read:").endsWith("rejected by chat-bot (rule ask)"));
            }
        }
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void anEventLoopThreadFailsAtOnceWithoutAsking(Path jdk) throws Exception {
        Workspace ws = workspace(); // the default timeout of 5 minutes: waiting would fail the test
        String ask = ws.kb.resolve("ask.txt").toString();

        long start = System.nanoTime();
        ChildJvm.Result r = ws.run(jdk, "thread:nioEventLoopGroup-2-1:fis-read:" + ask);

        assertTrue(System.nanoTime() - start < 60_000_000_000L);
        assertEquals("ERR fis-read:" + ask + " java.io.FileNotFoundException: "
                + Workspace.message("file.read", ask, "approval needs a blocking caller", "rule ask"), r.line("ERR fis-read:"));
        AuditTrail trail = ws.trail(jdk);
        assertTrue(trail.where(n -> n.path("decision").asText().equals("pending")).isEmpty(), trail.toString());
        JsonNode denied = trail.only("file.read", ask);
        assertEquals("deny", denied.path("decision").asText());
        assertEquals("nioEventLoopGroup-2-1", denied.path("thread").asText());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void aDenyRuleThatAlsoMatchesWinsWithoutAskingAnyone(Path jdk) throws Exception {
        Workspace ws = workspace("warden.rule.never.actions = file.read",
                "warden.rule.never.targets = " + temp.toRealPath() + "/kb/ask.txt",
                "warden.rule.never.effect = deny",
                "warden.rule.never.reason = not this one");
        String ask = ws.kb.resolve("ask.txt").toString();

        ChildJvm.Result r = ws.run(jdk, "fis-read:" + ask);

        assertEquals("ERR fis-read:" + ask + " java.io.FileNotFoundException: "
                + Workspace.message("file.read", ask, "not this one", "rule never"), r.line("ERR fis-read:"));
        assertTrue(ws.trail(jdk).where(n -> n.path("decision").asText().equals("pending")).isEmpty());
    }

    /** Not only files: an HTTP request waits before it reaches the network, and is sent once approved. */
    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void anHttpRequestWaitsBeforeItReachesTheNetwork(Path jdk) throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.http()) {
            HttpToolRun run = new HttpToolRun(temp).policy(
                    "warden.rule.ask.actions = http.POST",
                    "warden.rule.ask.targets = " + server.base() + "/api/**",
                    "warden.rule.ask.effect = approve");
            String step = "jdk|POST|" + server.base() + "/api/tickets|body=hello";

            try (ChildJvm child = ChildJvm.start(jdk, run.policy, List.of(), HttpToolRun.classpath(false),
                    "dev.warden.testapps.httptool.HttpTool", List.of(step), run.root)) {
                JsonNode request = Control.awaitRecord(jdk, run.audit, n -> n.path("decision").asText().equals("pending"));
                assertEquals("http.POST", request.path("action").asText());
                assertTrue(server.requests().isEmpty(), "nothing was sent while waiting");
                Control.ok(jdk, "approve", request.path("approval").asText(), "--dir", run.audit.toString(), "--by", "alice");
                ChildJvm.Result r = child.await(60);
                assertEquals("OK " + step + " 200 hello POST /api/tickets", r.line("OK " + step), r.toString());
            }
            assertEquals(1, server.requests().size());
            JsonNode approved = Control.awaitRecord(jdk, run.audit, n -> n.path("decision").asText().equals("approved"));
            assertEquals("approved by alice", approved.path("reason").asText());
        }
    }
}
