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

/**
 * An error inside Warden — injected with the test-only {@code -Dwarden.test.fault}: every decision
 * throwing (a bug, a policy engine error), every audit append failing (an unwritable trail, a full
 * disk) — denies the call under {@code warden.failure = closed}, allows it under {@code open}, is
 * recorded either way (in Warden's log when the trail cannot take it), and the host keeps running.
 */
class FailureIT {

    @TempDir
    Path temp;

    static List<Path> jdks() {
        return Jdks.all();
    }

    private Path notes;

    private ExecToolRun run(String failure) throws Exception {
        ExecToolRun run = new ExecToolRun(temp);
        notes = Files.writeString(run.root.resolve("notes.txt"), "public notes");
        return run.policy("warden.default = deny",
                "warden.failure = " + failure,
                "warden.audit.level = all",
                "warden.rule.notes.actions = file.read",
                "warden.rule.notes.targets = " + notes,
                "warden.rule.notes.effect = allow",
                "warden.rule.shell.actions = process.exec",
                "warden.rule.shell.targets = /** -c echo *",
                "warden.rule.shell.effect = allow");
    }

    private static final String INJECTED = "internal error: java.lang.IllegalStateException: fault injected by warden.test.fault=decide (error)";

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void aFailingDecisionDeniesUnderClosed(Path jdk) throws Exception {
        ExecToolRun run = run("closed");
        ChildJvm.Result r = run.run(jdk, List.of("-Dwarden.test.fault=decide"),
                List.of("read|" + notes, "pb|-|bash|-c|echo hi", "exit|0"));
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("ERR read|" + notes + " dev.warden.agent.governor.WardenAccessDeniedException: Warden denied file " + notes + ": " + INJECTED,
                r.line("ERR read|"));
        assertTrue(r.line("ERR pb|").endsWith("Warden denied process.exec bash -c echo hi: " + INJECTED), r.toString());
        assertEquals("ERR exit|0 java.lang.SecurityException: Warden denied jvm.exit 0: " + INJECTED, r.line("ERR exit|"));
        assertEquals("ALIVE", r.stdout().get(r.stdout().size() - 1), r.toString());
        AuditTrail trail = run.trail(jdk);
        assertInjectedErrors(List.of(trail.only("file", notes.toString()), trail.only("process.exec", "bash -c echo hi"),
                trail.only("jvm.exit", "0")), true);
    }

    /** Each record is Warden's error, naming the injected fault; {@code blocked}: the call was denied. */
    private static void assertInjectedErrors(List<JsonNode> records, boolean blocked) {
        for (JsonNode n : records) {
            assertEquals("error", n.path("decision").asText(), n.toString());
            assertEquals(blocked, n.path("outcome").asText().equals("blocked"), n.toString());
            assertTrue(n.path("reason").asText().contains("fault injected"), n.toString());
        }
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void aFailingDecisionAllowsUnderOpen(Path jdk) throws Exception {
        ExecToolRun run = run("open");
        ChildJvm.Result r = run.run(jdk, List.of("-Dwarden.test.fault=decide"),
                List.of("read|" + notes, "pb|-|bash|-c|echo hi", "exit|5"));
        assertEquals(5, r.exitCode(), "the allowed exit did not happen: " + r);
        assertEquals("OK read|" + notes + " public notes", r.line("OK read|"));
        assertEquals("OK pb|-|bash|-c|echo hi status=0 out=hi", r.line("OK pb|"));
        AuditTrail trail = run.trail(jdk);
        // Allowed undecided, the JDK's nested file calls are each governed, and each records its error.
        List<JsonNode> errors = new java.util.ArrayList<>(trail.about("file", notes.toString()));
        assertFalse(errors.isEmpty(), trail.toString());
        errors.add(trail.only("process.exec", "bash -c echo hi"));
        errors.add(trail.only("jvm.exit", "5"));
        assertInjectedErrors(errors, false);
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void anUnwritableTrailDeniesUnderClosedAndIsLogged(Path jdk) throws Exception {
        ExecToolRun run = run("closed");
        ChildJvm.Result r = run.run(jdk, List.of("-Dwarden.test.fault=audit"),
                List.of("read|" + notes, "read|" + notes, "pb|-|bash|-c|echo hi"));
        assertEquals(0, r.exitCode(), r.toString());
        // The first call finds the trail broken when its record is written; every later one is denied.
        assertEquals("OK read|" + notes + " public notes", r.line("OK read|"));
        assertEquals("ERR read|" + notes + " dev.warden.agent.governor.WardenAccessDeniedException: Warden denied file.read " + notes
                + ": the audit trail cannot be written (error)", r.line("ERR read|"));
        assertTrue(r.line("ERR pb|").endsWith(": the audit trail cannot be written (error)"), r.toString());
        assertEquals("ALIVE", r.stdout().get(r.stdout().size() - 1), r.toString());
        String log = String.join("\n", r.stderr());
        assertTrue(log.contains("governed calls are now denied (warden.failure = closed)"), log);
        assertTrue(r.stderr().stream().anyMatch(l -> l.contains("not in the audit trail: ") && l.contains("file.read")
                && l.contains(notes.toString()) && l.contains("  DENY  ")), log);
        assertTrue(r.stderr().stream().anyMatch(l -> l.contains("not in the audit trail: ") && l.contains("process.exec")), log);
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void anUnwritableTrailAllowsUnderOpenAndIsLogged(Path jdk) throws Exception {
        ExecToolRun run = run("open");
        ChildJvm.Result r = run.run(jdk, List.of("-Dwarden.test.fault=audit"),
                List.of("read|" + notes, "read|" + notes, "pb|-|bash|-c|echo hi"));
        assertEquals(0, r.exitCode(), r.toString());
        assertFalse(r.stdout().stream().anyMatch(l -> l.startsWith("ERR ")), r.toString());
        String log = String.join("\n", r.stderr());
        assertTrue(log.contains("governed calls continue unrecorded (warden.failure = open)"), log);
        assertEquals(2, r.stderr().stream().filter(l -> l.contains("not in the audit trail: ") && l.contains("file.read")
                && l.contains("  ALLOW  ")).count(), log);
        assertTrue(r.stderr().stream().anyMatch(l -> l.contains("not in the audit trail: ") && l.contains("process.exec")), log);
        assertEquals("ALIVE", r.stdout().get(r.stdout().size() - 1), r.toString());
    }
}
