package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The file family end to end: the real agent jar, an unmodified program, the audit trail. */
class FileGovernanceIT {

    @TempDir
    Path temp;

    static java.util.List<Path> jdks() {
        return Jdks.all();
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void allowedReadReturnsContentAndIsRecorded(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        String doc = ws.kb.resolve("doc.txt").toString();

        ChildJvm.Result r = ws.run(jdk, "fis-read:" + doc);

        assertEquals("OK fis-read:" + doc + " knowledge", r.line("OK fis-read"), r.stderr().toString());
        JsonNode rec = ws.trail(jdk).only("file.read", doc);
        assertEquals("allow", rec.path("decision").asText());
        assertEquals("kb", rec.path("rule").asText());
        assertEquals("ok", rec.path("outcome").asText());
        assertEquals("file-tool-test", rec.path("agent").asText());
        assertEquals("main", rec.path("thread").asText());
        assertTrue(rec.path("duration_ns").asLong() > 0, rec.toString());
        assertFalse(rec.path("policy").asText().isEmpty(), rec.toString());
        assertFalse(rec.path("session").asText().isEmpty(), rec.toString());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void deniedReadThrowsTheApiExceptionWithTheContractMessage(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        String key = ws.secret.resolve("key.txt").toString();
        String expected = Workspace.message("file.read", key, "no rule allows this", "default");

        ChildJvm.Result r = ws.run(jdk, "fis-read:" + key, "nio-read:" + key);

        assertEquals("ERR fis-read:" + key + " java.io.FileNotFoundException: " + expected, r.line("ERR fis-read"));
        assertEquals("ERR nio-read:" + key + " " + "dev.warden.agent.governor.WardenAccessDeniedException: " + expected,
                r.line("ERR nio-read"));
        for (JsonNode rec : ws.trail(jdk).about("file.read", key)) {
            assertEquals("deny", rec.path("decision").asText());
            assertEquals("default", rec.path("rule").asText());
            assertEquals("blocked", rec.path("outcome").asText());
            assertTrue(rec.path("caller").asText().startsWith("dev.warden.testapps.filetool.Steps.perform(Steps.java:"), rec.toString());
        }
        assertEquals(2, ws.trail(jdk).about("file.read", key).size());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void deniedWriteLeavesNoFileAndDoesNotTruncate(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        Path created = ws.secret.resolve("new.txt");
        Path existing = ws.secret.resolve("key.txt");

        ChildJvm.Result r = ws.run(jdk, "fos-write:" + created, "nio-write:" + created, "channel-write:" + created,
                "fos-write:" + existing, "writer-write:" + existing, "raf-write:" + existing, "create:" + created);

        assertEquals("ERR fos-write:" + created + " java.io.FileNotFoundException: "
                + Workspace.message("file.write", created.toString(), "no rule allows this", "default"), r.line("ERR fos-write:" + created));
        assertTrue(r.line("ERR nio-write").contains("AccessDeniedException: Warden denied file.write " + created), r.stdout().toString());
        assertTrue(r.line("ERR channel-write").contains("AccessDeniedException: Warden denied file.write " + created), r.stdout().toString());
        assertTrue(r.line("ERR writer-write").contains("FileNotFoundException: Warden denied file.write " + existing), r.stdout().toString());
        assertTrue(r.line("ERR raf-write").contains("FileNotFoundException: Warden denied file.write " + existing), r.stdout().toString());
        assertTrue(r.line("ERR create").contains("AccessDeniedException: Warden denied file.write " + created), r.stdout().toString());
        assertFalse(Files.exists(created), "a denied write created the file");
        assertEquals("top secret\n", Files.readString(existing), "a denied write truncated the file");
        assertEquals(7, ws.trail(jdk).where(n -> n.path("decision").asText().equals("deny")
                && n.path("action").asText().equals("file.write")).size(), ws.trail(jdk).toString());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void deniedDeleteLeavesTheFile(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        Path doc = ws.kb.resolve("doc.txt");

        ChildJvm.Result r = ws.run(jdk, "delete:" + doc, "nio-delete:" + doc, "nio-delete-if-exists:" + doc,
                "move:" + doc + ":" + ws.out.resolve("moved.txt"), "rename:" + doc + ":" + ws.out.resolve("renamed.txt"));

        String message = Workspace.message("file.delete", doc.toString(), "no rule allows this", "default");
        assertEquals("ERR delete:" + doc + " java.lang.SecurityException: " + message, r.line("ERR delete:"));
        assertTrue(r.line("ERR nio-delete:").endsWith("AccessDeniedException: " + message), r.stdout().toString());
        assertTrue(r.line("ERR nio-delete-if-exists:").endsWith("AccessDeniedException: " + message), r.stdout().toString());
        assertTrue(r.line("ERR move:").endsWith("AccessDeniedException: " + message), r.stdout().toString());
        assertEquals("ERR rename:" + doc + ":" + ws.out.resolve("renamed.txt") + " java.lang.SecurityException: " + message,
                r.line("ERR rename:"));
        assertEquals("knowledge\n", Files.readString(doc));
        assertFalse(Files.exists(ws.out.resolve("moved.txt")));
        assertEquals(5, ws.trail(jdk).where(n -> n.path("decision").asText().equals("deny")
                && n.path("action").asText().equals("file.delete")).size(), ws.trail(jdk).toString());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void traversalAndSymlinkEscapesAreDecidedAsWhatTheyOpen(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        String key = ws.secret.resolve("key.txt").toString();
        Files.createSymbolicLink(ws.kb.resolve("link"), ws.secret);
        Files.createSymbolicLink(ws.out.resolve("dangling"), ws.secret.resolve("planted.txt"));
        String traversal = ws.kb + "/../secret/key.txt";
        String viaLink = ws.kb + "/link/key.txt";
        String relative = "kb/../secret/key.txt";

        ChildJvm.Result r = ws.run(jdk, "fis-read:" + traversal, "nio-read:" + viaLink, "fis-read:" + relative,
                "fos-write:" + ws.out.resolve("dangling"), "fis-read:" + ws.kb.resolve("doc.txt"));

        String denied = Workspace.message("file.read", key, "no rule allows this", "default");
        assertTrue(r.line("ERR fis-read:" + traversal).endsWith(denied), r.stdout().toString());
        assertTrue(r.line("ERR nio-read:" + viaLink).endsWith(denied), r.stdout().toString());
        assertTrue(r.line("ERR fis-read:" + relative).endsWith(denied), r.stdout().toString());
        assertTrue(r.line("ERR fos-write:").endsWith(Workspace.message("file.write",
                ws.secret.resolve("planted.txt").toString(), "no rule allows this", "default")), r.stdout().toString());
        assertFalse(Files.exists(ws.secret.resolve("planted.txt")), "a write through a dangling link escaped");
        AuditTrail trail = ws.trail(jdk);
        assertEquals(3, trail.about("file.read", key).size(), trail.toString());
        assertTrue(trail.about("file.read", key).stream().anyMatch(n -> n.path("detail").asText().equals("as written: " + viaLink)),
                trail.toString());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void monitorModeAllowsAndRecordsWouldDeny(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy("warden.mode = monitor");
        String key = ws.secret.resolve("key.txt").toString();

        ChildJvm.Result r = ws.run(jdk, "fis-read:" + key);

        assertEquals("OK fis-read:" + key + " top secret", r.line("OK fis-read"));
        JsonNode rec = ws.trail(jdk).only("file.read", key);
        assertEquals("would-deny", rec.path("decision").asText());
        assertEquals("ok", rec.path("outcome").asText());
        assertEquals("default", rec.path("rule").asText());
        assertFalse(rec.path("caller").asText().isEmpty(), rec.toString());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void killSwitchFileDeniesEveryActionWhileItExists(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp);
        Path kill = ws.out.resolve("STOP"); // where the rules allow deletes: only warden-self protects it
        ws.policy("warden.killswitch.file = " + kill);
        String doc = ws.kb.resolve("doc.txt").toString();

        try (ChildJvm child = ws.start(jdk, java.util.List.of(), "fis-read:" + doc, "await", "fis-read:" + doc,
                "delete:" + kill, "await", "fis-read:" + doc)) {
            child.waitForLine("READY", 60);
            Files.createFile(kill);
            Thread.sleep(500);
            child.sendLine("go");
            child.waitForLine("READY", 60);
            Files.delete(kill);
            Thread.sleep(500);
            child.sendLine("go");
            ChildJvm.Result r = child.await(60);

            java.util.List<String> reads = r.stdout().stream().filter(l -> l.contains("fis-read:")).toList();
            assertEquals("OK fis-read:" + doc + " knowledge", reads.get(0));
            assertEquals("ERR fis-read:" + doc + " java.io.FileNotFoundException: "
                    + Workspace.message("file.read", doc, "kill switch", "kill-switch"), reads.get(1));
            assertEquals("OK fis-read:" + doc + " knowledge", reads.get(2));
            assertTrue(r.line("ERR delete:" + kill).contains("SecurityException: Warden denied file.delete " + kill),
                    "the application deleted the kill-switch file: " + r.stdout());
        }
        JsonNode blocked = ws.trail(jdk).where(n -> n.path("rule").asText().equals("kill-switch")).get(0);
        assertEquals("deny", blocked.path("decision").asText());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void invalidPolicyStopsTheJvmNamingFileLineAndProblem(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy("warden.rule.kb.effekt = allow");

        ChildJvm.Result r = ws.run(jdk, "fis-read:" + ws.kb.resolve("doc.txt"));

        assertEquals(78, r.exitCode(), r.toString());
        assertTrue(r.stdout().isEmpty(), "the application ran: " + r.stdout());
        String err = String.join("\n", r.stderr());
        assertTrue(err.contains(ws.policy + ":9:"), err);
        assertTrue(err.contains("effekt"), err);
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void eightThreadsEveryCallRecordedExactlyOnce(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        String doc = ws.kb.resolve("doc.txt").toString();
        String key = ws.secret.resolve("key.txt").toString();

        ChildJvm.Result r = ws.run(jdk, "threads:8:50:fis-read:" + doc, "threads:8:25:nio-read:" + key);

        assertEquals("OK threads:8:50:fis-read:" + doc + " ok=400 err=0", r.line("OK threads:8:50"));
        assertEquals("OK threads:8:25:nio-read:" + key + " ok=0 err=200", r.line("OK threads:8:25"));
        AuditTrail trail = ws.trail(jdk);
        assertEquals(400, trail.about("file.read", doc).size());
        assertEquals(200, trail.about("file.read", key).size());
        assertEquals(trail.records.size(), trail.records.stream().map(n -> n.path("seq").asLong()).distinct().count(),
                "sequence numbers repeat");
        assertEquals(8, trail.about("file.read", doc).stream().map(n -> n.path("thread").asText()).distinct().count());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void recordsSurviveKillDashNineRightAfterTheCall(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        String doc = ws.kb.resolve("doc.txt").toString();
        String key = ws.secret.resolve("key.txt").toString();

        try (ChildJvm child = ws.start(jdk, java.util.List.of(), "fis-read:" + doc, "sleep:2000",
                "nio-read:" + doc, "fis-read:" + key, "await")) {
            child.waitForLine("READY", 60);
            child.killHard();
        }
        AuditTrail trail = ws.trail(jdk);
        assertEquals(2, trail.about("file.read", doc).size(), trail.toString());
        assertEquals(1, trail.about("file.read", key).size(), trail.toString());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void unwritableAuditDirectoryStopsTheJvmUnderFailureClosed(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp);
        Path blocker = Files.writeString(ws.root.resolve("not-a-dir"), "x");
        ws.policy("warden.audit.dir = " + blocker.resolve("audit")).policyReplace("warden.audit.dir = " + ws.audit + "\n", "");

        ChildJvm.Result r = ws.run(jdk, "fis-read:" + ws.kb.resolve("doc.txt"));

        assertEquals(78, r.exitCode(), r.toString());
        assertTrue(r.stdout().isEmpty(), "the application ran: " + r.stdout());
        String err = String.join("\n", r.stderr());
        assertTrue(err.contains("cannot write the audit trail in " + blocker.resolve("audit")), err);
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void invalidPolicyUnderFailureOpenRunsAndRecordsTheError(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy("warden.failure = open", "warden.rule.kb.effekt = allow");
        String key = ws.secret.resolve("key.txt").toString();

        ChildJvm.Result r = ws.run(jdk, "fis-read:" + key);

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("OK fis-read:" + key + " top secret", r.line("OK fis-read"));
        assertTrue(String.join("\n", r.stderr()).contains("effekt"), r.stderr().toString());
        // Without a valid policy the trail goes to ./warden-audit in the working directory.
        JsonNode rec = AuditTrail.export(jdk, ws.root.resolve("warden-audit")).only("file.read", key);
        assertEquals("error", rec.path("decision").asText());
        assertEquals("ok", rec.path("outcome").asText());
        assertTrue(rec.path("reason").asText().contains("effekt"), rec.toString());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void rateLimitDeniesCallsOverTheLimit(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy("warden.rule.kb.limit = 3/1h");
        String doc = ws.kb.resolve("doc.txt").toString();

        ChildJvm.Result r = ws.run(jdk, "fis-read:" + doc, "fis-read:" + doc, "fis-read:" + doc, "fis-read:" + doc, "nio-read:" + doc);

        assertEquals(3, r.stdout().stream().filter(l -> l.startsWith("OK ")).count(), r.stdout().toString());
        assertEquals("ERR fis-read:" + doc + " java.io.FileNotFoundException: "
                + Workspace.message("file.read", doc, "rate limit", "rule kb"), r.stdout().get(3));
        AuditTrail trail = ws.trail(jdk);
        assertEquals(2, trail.where(n -> n.path("reason").asText().equals("rate limit")
                && n.path("decision").asText().equals("deny")).size(), trail.toString());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void missingPolicyFileStopsTheJvmNamingIt(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp);   // no policy written
        ChildJvm.Result r = ws.run(jdk, "fis-read:" + ws.kb.resolve("doc.txt"));

        assertEquals(78, r.exitCode(), r.toString());
        assertTrue(r.stdout().isEmpty(), "the application ran: " + r.stdout());
        assertTrue(String.join("\n", r.stderr()).contains(ws.policy.toString()), r.stderr().toString());
    }

    /** Escapes a review found: a secure directory stream, links deleted or replaced, a File that lies, hooks at exit. */
    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void escapeRoutesAreClosed(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        Path x = Files.writeString(ws.out.resolve("x"), "x");
        Path lnk = Files.createSymbolicLink(ws.kb.resolve("lnk"), x);
        Path lnk2 = Files.createSymbolicLink(ws.kb.resolve("lnk2"), Files.writeString(ws.out.resolve("y"), "y"));
        Path payload = Files.writeString(ws.out.resolve("payload"), "planted");
        Path doc = ws.kb.resolve("doc.txt");
        Path atExit = ws.out.resolve("at-exit.txt");

        Path scratch = Files.writeString(ws.out.resolve("scratch"), "s");
        String key = ws.secret.resolve("key.txt").toString();
        ChildJvm.Result r = ws.run(jdk, "secure-stream:" + ws.out, "nio-delete:" + lnk, "move-replace:" + payload + ":" + lnk2,
                "sneaky-delete:" + doc + ":" + ws.out.resolve("decoy"), "hook-write:" + atExit,
                "secure-delete:" + ws.kb + ":doc.txt", "secure-read:" + ws.out + ":" + key, "secure-delete:" + ws.out + ":scratch");

        // A secure directory stream is still handed out (Guava relies on it), but what it does is decided.
        assertEquals("OK secure-stream:" + ws.out + " secure", r.line("OK secure-stream"));
        assertTrue(r.line("ERR secure-delete:" + ws.kb).endsWith(
                Workspace.message("file.delete", doc.toString(), "no rule allows this", "default")), r.stdout().toString());
        assertTrue(r.line("ERR secure-read").endsWith(Workspace.message("file.read", key, "no rule allows this", "default")),
                r.stdout().toString());
        assertEquals("OK secure-delete:" + ws.out + ":scratch deleted", r.line("OK secure-delete"));
        assertTrue(Files.notExists(scratch));
        assertTrue(r.line("ERR nio-delete").endsWith(Workspace.message("file.delete", lnk.toString(), "no rule allows this", "default")),
                r.stdout().toString());
        assertTrue(Files.isSymbolicLink(lnk), "the link in the read-only directory was deleted");
        assertTrue(r.line("ERR move-replace").endsWith(Workspace.message("file.write", lnk2.toString(), "no rule allows this", "default")),
                r.stdout().toString());
        assertTrue(Files.isSymbolicLink(lnk2), "a file was planted over the link in the read-only directory");
        assertEquals("ERR sneaky-delete:" + doc + ":" + ws.out.resolve("decoy") + " java.lang.SecurityException: "
                + Workspace.message("file.delete", doc.toString(), "no rule allows this", "default"), r.line("ERR sneaky-delete"));
        assertTrue(Files.exists(doc));
        assertEquals("written at exit", Files.readString(atExit), r.toString());
        assertEquals("ok", ws.trail(jdk).only("file.write", atExit.toString()).path("outcome").asText(),
                "a write from the application's shutdown hook is recorded");
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void auditLevelDenialsRecordsOnlyDenialsAndCallerAllAddsTheCaller(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy("warden.audit.level = denials");
        String doc = ws.kb.resolve("doc.txt").toString();
        String key = ws.secret.resolve("key.txt").toString();

        ws.run(jdk, "fis-read:" + doc, "fis-read:" + key);
        AuditTrail denials = ws.trail(jdk);
        assertEquals(0, denials.about("file.read", doc).size(), denials.toString());
        assertEquals("deny", denials.only("file.read", key).path("decision").asText());

        Workspace all = new Workspace(Files.createDirectories(temp.resolve("second"))).policy("warden.audit.caller = all");
        String doc2 = all.kb.resolve("doc.txt").toString();
        all.run(jdk, "fis-read:" + doc2);
        assertTrue(all.trail(jdk).only("file.read", doc2).path("caller").asText()
                .startsWith("dev.warden.testapps.filetool.Steps.perform(Steps.java:"));
    }

    /** policy.md: the agent argument, else -Dwarden.config, else WARDEN_CONFIG, else ./warden.properties. */
    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void thePolicyIsFoundThroughTheSystemPropertyAndTheWorkingDirectory(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        String key = ws.secret.resolve("key.txt").toString();
        List<String> viaProperty = List.of("-javaagent:" + ChildJvm.AGENT_JAR, "-Dwarden.config=" + ws.policy);
        try (ChildJvm child = ChildJvm.start(jdk, null, viaProperty, ChildJvm.fileToolClasspath(),
                "dev.warden.testapps.filetool.FileTool", List.of("fis-read:" + key), ws.root)) {
            assertTrue(child.await(120).line("ERR fis-read").contains("Warden denied file.read " + key));
        }
        Files.copy(ws.policy, ws.root.resolve("warden.properties"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (ChildJvm child = ChildJvm.start(jdk, null, List.of("-javaagent:" + ChildJvm.AGENT_JAR), ChildJvm.fileToolClasspath(),
                "dev.warden.testapps.filetool.FileTool", List.of("fis-read:" + key), ws.root)) {
            assertTrue(child.await(120).line("ERR fis-read").contains("Warden denied file.read " + key));
        }
    }
}
