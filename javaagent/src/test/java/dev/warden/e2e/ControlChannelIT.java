package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kill switch from the command line ({@code suspend} / {@code resume}) and what the control
 * channel does with bad input, under the real agent jar: the command line is run as users run it
 * ({@code java -jar warden-agent.jar ...}) while the file tool waits between its steps.
 */
class ControlChannelIT {

    @TempDir
    Path temp;

    static List<Path> jdks() {
        return Jdks.all();
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void suspendAndResumeFromTheCommandLineReachARunningAgent(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        String doc = ws.kb.resolve("doc.txt").toString();

        try (ChildJvm child = ws.start(jdk, List.of(), "fis-read:" + doc, "await", "fis-read:" + doc, "await", "fis-read:" + doc)) {
            child.waitForLine("READY", 60);
            Control.ok(jdk, "suspend", "--dir", ws.audit.toString(), "--by", "alice");
            Control.awaitRecord(jdk, ws.audit, n -> n.path("action").asText().equals("warden.suspend"));
            child.sendLine("go");
            Control.awaitSecondReady(child);
            Control.ok(jdk, "resume", "--dir", ws.audit.toString(), "--by", "alice");
            Control.awaitRecord(jdk, ws.audit, n -> n.path("action").asText().equals("warden.resume"));
            child.sendLine("go");
            ChildJvm.Result r = child.await(60);

            List<String> reads = r.stdout().stream().filter(l -> l.contains("fis-read:")).toList();
            assertEquals("OK fis-read:" + doc + " knowledge", reads.get(0));
            assertEquals("ERR fis-read:" + doc + " java.io.FileNotFoundException: "
                    + Workspace.message("file.read", doc, "kill switch", "kill-switch"), reads.get(1));
            assertEquals("OK fis-read:" + doc + " knowledge", reads.get(2), "resumed");
        }
        AuditTrail trail = ws.trail(jdk);
        JsonNode suspended = trail.where(n -> n.path("action").asText().equals("warden.suspend")).get(0);
        assertEquals("deny", suspended.path("decision").asText());
        assertEquals("kill-switch", suspended.path("rule").asText());
        assertEquals("suspended by alice", suspended.path("detail").asText());
        JsonNode resumed = trail.where(n -> n.path("action").asText().equals("warden.resume")).get(0);
        assertEquals("allow", resumed.path("decision").asText());
        assertEquals("resumed by alice", resumed.path("detail").asText());
        JsonNode denied = trail.where(n -> n.path("rule").asText().equals("kill-switch") && n.path("action").asText().equals("file.read")).get(0);
        assertEquals("deny", denied.path("decision").asText());
        assertEquals("kill switch", denied.path("reason").asText());
    }

    /** Chosen behaviour: the channel's state holds for agents started later (see ControlListener). */
    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void aSuspensionIssuedBeforeAnAgentStartsHoldsUntilResume(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        String doc = ws.kb.resolve("doc.txt").toString();
        assertEquals(0, ws.run(jdk, "fis-read:" + doc).exitCode(), "an earlier run made the trail");
        Control.ok(jdk, "suspend", "--dir", ws.audit.toString(), "--by", "alice");

        try (ChildJvm child = ws.start(jdk, List.of(), "await", "fis-read:" + doc, "await", "fis-read:" + doc)) {
            child.waitForLine("READY", 60);
            JsonNode started = Control.awaitRecord(jdk, ws.audit, n -> n.path("action").asText().equals("warden.suspend"));
            assertEquals("suspended before this process started", started.path("detail").asText());
            child.sendLine("go");
            Control.awaitSecondReady(child);
            Control.ok(jdk, "resume", "--dir", ws.audit.toString());
            Control.awaitRecord(jdk, ws.audit, n -> n.path("action").asText().equals("warden.resume"));
            child.sendLine("go");
            ChildJvm.Result r = child.await(60);
            List<String> reads = r.stdout().stream().filter(l -> l.contains("fis-read:")).toList();
            assertEquals("ERR fis-read:" + doc + " java.io.FileNotFoundException: "
                    + Workspace.message("file.read", doc, "kill switch", "kill-switch"), reads.get(0));
            assertEquals("OK fis-read:" + doc + " knowledge", reads.get(1));
        }
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void aControlMessageThatCannotBeReadIsSkippedAndReported(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        String doc = ws.kb.resolve("doc.txt").toString();

        try (ChildJvm child = ws.start(jdk, List.of(), "fis-read:" + doc, "await", "fis-read:" + doc)) {
            child.waitForLine("READY", 60);
            Control.awaitRecord(jdk, ws.audit, n -> n.path("action").asText().equals("file.read"));
            // Another tool (or a later Warden) appends what this version cannot read.
            try (SingleChronicleQueue q = SingleChronicleQueueBuilder.binary(ws.audit.resolve("control"))
                    .rollCycle(RollCycles.FAST_DAILY).build(); ExcerptAppender a = q.createAppender();
                    DocumentContext dc = a.writingDocument()) {
                dc.wire().bytes().write(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
            }
            Control.ok(jdk, "suspend", "--dir", ws.audit.toString());
            Control.awaitRecord(jdk, ws.audit, n -> n.path("action").asText().equals("warden.suspend"));
            child.sendLine("go");
            ChildJvm.Result r = child.await(60);
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.line("ERR fis-read:" + doc).endsWith("kill switch (kill-switch)"), "messages after it still apply: " + r);
            assertTrue(String.join("\n", r.stderr()).contains("skipped control message"), r.stderr().toString());
        }
        JsonNode reported = ws.trail(jdk).where(n -> n.path("action").asText().equals("warden.control")).get(0);
        assertEquals("error", reported.path("decision").asText());
        assertTrue(reported.path("reason").asText().startsWith("unreadable control message: control message format -34"),
                reported.toString());
    }
}
