package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code process.exec} under the real agent: {@code ProcessBuilder.start} and {@code Runtime.exec}
 * decided on the executable's real absolute path and the arguments — a shell through {@code PATH},
 * a relative program in a working directory, a denied program reached through a symlink — a denied
 * start is the {@code IOException} {@code ProcessBuilder.start} declares, and nothing runs.
 */
class ProcessExecIT {

    @TempDir
    Path temp;

    static List<Path> jdks() {
        return Jdks.all();
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void commandsAreDecidedAsWhatReallyRuns(Path jdk) throws Exception {
        String bash = ExecToolRun.onPath("bash");
        String touch = ExecToolRun.onPath("touch");
        String ls = ExecToolRun.onPath("ls");
        ExecToolRun run = new ExecToolRun(temp);
        Path bin = Files.createDirectories(run.root.resolve("bin"));
        // An innocent-looking name for touch, which the policy denies.
        Files.createSymbolicLink(bin.resolve("helper"), Path.of(touch));
        Path work = Files.createDirectories(run.root.resolve("work"));
        run.policy(
                "warden.default = deny",
                "warden.rule.shell.actions = process.exec",
                "warden.rule.shell.targets = " + bash + " -c echo *",
                "warden.rule.shell.effect = allow",
                "warden.rule.listing.actions = process.exec",
                "warden.rule.listing.targets = " + ls + " **",
                "warden.rule.listing.effect = allow",
                // Allowing everything in the agent's bin directory must not allow what a link there points to.
                "warden.rule.own-bin.actions = process.exec",
                "warden.rule.own-bin.targets = " + bin + "/** **",
                "warden.rule.own-bin.effect = allow",
                "warden.rule.no-touch.actions = process.exec",
                "warden.rule.no-touch.targets = " + touch + " **",
                "warden.rule.no-touch.effect = deny",
                "warden.rule.no-touch.reason = agents do not create files by hand");
        Path made = run.root.resolve("made");
        ChildJvm.Result r = run.run(jdk, List.of(
                "pb|-|bash|-c|echo hi",
                "exec|bash|-c|echo via-exec",
                "pb|-|bash|-c|touch " + made,
                "pb|" + work + "|ls|.",
                "pb|-|" + bin.resolve("helper") + "|" + made,
                "pb|" + run.root + "|./bin/helper|" + made,
                "exec|" + bin.resolve("helper") + "|" + made,
                "pb|-|" + run.root.resolve("missing"),
                "created|" + made));

        assertEquals("OK pb|-|bash|-c|echo hi status=0 out=hi", r.line("OK pb|-|bash|-c|echo hi"), r.toString());
        assertEquals("OK exec|bash|-c|echo via-exec status=0 out=via-exec", r.line("OK exec|bash|"), r.toString());
        assertTrue(r.line("OK pb|" + work + "|ls|.").contains("status=0"), r.toString());
        // bash -c touch: the shell is allowed for echo only.
        assertDenied(r, "pb|-|bash|-c|touch " + made, bash + " -c touch " + made + ": no rule allows this (default)");
        String viaLink = touch + " " + made + ": agents do not create files by hand (rule no-touch)";
        assertDenied(r, "pb|-|" + bin.resolve("helper") + "|" + made, viaLink);
        assertDenied(r, "pb|" + run.root + "|./bin/helper|" + made, viaLink);
        assertDenied(r, "exec|" + bin.resolve("helper") + "|" + made, viaLink);
        // A program that does not exist is decided as written (made absolute), and refused by default.
        assertDenied(r, "pb|-|" + run.root.resolve("missing"), run.root.resolve("missing") + ": no rule allows this (default)");
        assertEquals("OK created|" + made + " false", r.line("OK created|"), "a denied command ran: " + r);
        assertEquals("ALIVE", r.stdout().get(r.stdout().size() - 1));

        AuditTrail trail = run.trail(jdk);
        JsonNode hi = trail.only("process.exec", bash + " -c echo hi");
        assertEquals("allow", hi.path("decision").asText(), hi.toString());
        assertEquals("shell", hi.path("rule").asText(), hi.toString());
        assertEquals("ok", hi.path("outcome").asText(), hi.toString());
        assertEquals("as written: bash", hi.path("detail").asText(), hi.toString());
        JsonNode listing = trail.only("process.exec", ls + " .");
        assertEquals("as written: ls, in " + work, listing.path("detail").asText(), listing.toString());
        List<JsonNode> touched = trail.about("process.exec", touch + " " + made);
        assertEquals(3, touched.size(), trail.toString());
        for (JsonNode n : touched) {
            assertEquals("deny", n.path("decision").asText(), n.toString());
            assertEquals("no-touch", n.path("rule").asText(), n.toString());
            assertEquals("blocked", n.path("outcome").asText(), n.toString());
            assertTrue(n.path("caller").asText().startsWith("dev.warden.testapps.exectool.ExecTool"), n.toString());
        }
    }

    /** {@code ProcessBuilder.start} wraps the {@code IOException} of {@code ProcessImpl.start}: "Cannot run program …: <Warden's message>". */
    private static void assertDenied(ChildJvm.Result r, String step, String targetAndReason) {
        String line = r.line("ERR " + step + " ");
        assertTrue(line.startsWith("ERR " + step + " java.io.IOException: "), line);
        assertTrue(line.endsWith("Warden denied process.exec " + targetAndReason), line + "\n" + r);
    }
}
