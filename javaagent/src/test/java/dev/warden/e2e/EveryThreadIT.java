package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Governed calls made on threads the application did not start itself — an executor's, the
 * {@code CompletableFuture} common pool's, a {@code ForkJoinPool}'s, a {@code Timer}'s, a scheduled
 * executor's and (JDK 21+) virtual threads — are decided like any other, and recorded under that
 * thread's name and the process's session.
 */
class EveryThreadIT {

    @TempDir
    Path temp;

    static List<Path> jdks() {
        return Jdks.all();
    }

    /** The thread kind and the name its thread has (a prefix; virtual threads have none). */
    private static final List<String[]> KINDS = List.of(new String[] {"executor", "tool-executor-1"},
            new String[] {"common-pool", "ForkJoinPool.commonPool-worker-"}, new String[] {"fork-join", "ForkJoinPool-"},
            new String[] {"timer", "tool-timer"}, new String[] {"scheduled", "tool-scheduled"});

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void everyKindOfThreadIsGoverned(Path jdk) throws Exception {
        ExecToolRun run = new ExecToolRun(temp);
        Path allowed = Files.writeString(run.root.resolve("notes.txt"), "public notes");
        Path secret = Files.writeString(run.root.resolve("secret.txt"), "the secret");
        run.policy("warden.default = deny",
                "warden.audit.level = all",
                "warden.rule.notes.actions = file.read",
                "warden.rule.notes.targets = " + allowed,
                "warden.rule.notes.effect = allow");
        List<String[]> kinds = new ArrayList<>(KINDS);
        if (Jdks.feature(jdk) >= 21) {
            kinds.add(new String[] {"virtual", ""});
        }
        List<String> steps = new ArrayList<>();
        for (String[] k : kinds) {
            steps.add("read-on|" + k[0] + "|" + allowed);
            steps.add("read-on|" + k[0] + "|" + secret);
        }
        // With fewer than 3 CPUs the common pool has parallelism 1, and CompletableFuture then starts
        // a thread per task instead of using it (CompletableFuture.ASYNC_POOL): give it two workers.
        ChildJvm.Result r = run.run(jdk, List.of("-Djava.util.concurrent.ForkJoinPool.common.parallelism=2"), steps);
        assertEquals(0, r.exitCode(), r.toString());

        AuditTrail trail = run.trail(jdk);
        List<JsonNode> denied = trail.about("file.read", secret.toString());
        List<JsonNode> read = trail.about("file.read", allowed.toString());
        String session = denied.get(0).path("session").asText();
        assertFalse(session.isEmpty(), denied.toString());
        for (String[] k : kinds) {
            String ok = r.line("OK read-on|" + k[0] + "|" + allowed);
            assertTrue(ok.endsWith(" public notes"), ok);
            assertTrue(ok.contains(" " + k[1]) || k[1].isEmpty(), ok);
            String err = r.line("ERR read-on|" + k[0] + "|" + secret);
            assertTrue(err.contains("Warden denied file.read " + secret + ": no rule allows this (default)"), err);
            if (k[0].equals("virtual")) {
                assertTrue(ok.contains(" virtual "), "not run on a virtual thread: " + ok);
            }
            JsonNode d = on(denied, k[1], k[0].equals("virtual"));
            assertEquals("deny", d.path("decision").asText(), d.toString());
            assertEquals("exec-tool-test", d.path("agent").asText(), d.toString());
            assertEquals(session, d.path("session").asText(), d.toString());
            assertTrue(d.path("caller").asText().startsWith("dev.warden.testapps.exectool.Threads"), d.toString());
            JsonNode a = on(read, k[1], k[0].equals("virtual"));
            assertEquals("allow", a.path("decision").asText(), a.toString());
            assertEquals(session, a.path("session").asText(), a.toString());
        }
        assertEquals(kinds.size(), denied.size(), denied.toString());
    }

    /** The one record made on a thread named {@code prefix…} (a virtual thread: the one with no name). */
    private static JsonNode on(List<JsonNode> records, String prefix, boolean unnamed) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode n : records) {
            String thread = n.path("thread").asText();
            if (unnamed ? thread.isEmpty() : !thread.isEmpty() && thread.startsWith(prefix)) {
                found.add(n);
            }
        }
        assertEquals(1, found.size(), "records on thread " + prefix + ": " + records);
        return found.get(0);
    }
}
