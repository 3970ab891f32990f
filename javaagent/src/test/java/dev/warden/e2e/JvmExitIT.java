package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code jvm.exit} under the real agent: {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt} are allowed unless a rule denies them (never by {@code warden.default});
 * a denied one throws {@code SecurityException} and the host keeps running.
 */
class JvmExitIT {

    @TempDir
    Path temp;

    static List<Path> jdks() {
        return Jdks.all();
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void aDeniedExitLeavesTheHostRunning(Path jdk) throws Exception {
        ExecToolRun run = new ExecToolRun(temp).policy(
                "warden.default = deny",
                "warden.rule.stay.actions = jvm.exit",
                "warden.rule.stay.effect = deny",
                "warden.rule.stay.reason = tools may not stop the host");
        ChildJvm.Result r = run.run(jdk, List.of("exit|3", "runtime-exit|4", "halt|5"));
        assertEquals(0, r.exitCode(), r.toString());
        for (String step : List.of("exit|3", "runtime-exit|4", "halt|5")) {
            String status = step.substring(step.indexOf('|') + 1);
            assertEquals("ERR " + step + " java.lang.SecurityException: Warden denied jvm.exit " + status
                    + ": tools may not stop the host (rule stay)", r.line("ERR " + step), r.toString());
        }
        assertEquals("ALIVE", r.stdout().get(r.stdout().size() - 1), r.toString());
        AuditTrail trail = run.trail(jdk);
        JsonNode halt = trail.only("jvm.exit", "5");
        assertEquals("deny", halt.path("decision").asText(), halt.toString());
        assertEquals("Runtime.halt", halt.path("detail").asText(), halt.toString());
        assertEquals("Runtime.exit", trail.only("jvm.exit", "3").path("detail").asText(), trail.toString());
        assertEquals("blocked", trail.only("jvm.exit", "4").path("outcome").asText(), trail.toString());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void anExitNoRuleDeniesIsAllowedWhateverTheDefault(Path jdk) throws Exception {
        ExecToolRun run = new ExecToolRun(temp).policy(
                "warden.default = deny",
                "warden.rule.not-two.actions = jvm.exit",
                "warden.rule.not-two.targets = 2",
                "warden.rule.not-two.effect = deny");
        ChildJvm.Result r = run.run(jdk, List.of("exit|2", "exit|7", "created|never-reached"));
        assertEquals(7, r.exitCode(), r.toString());
        assertEquals("ERR exit|2 java.lang.SecurityException: Warden denied jvm.exit 2: denied by policy (rule not-two)",
                r.line("ERR exit|2"), r.toString());
        assertFalse(r.stdout().contains("ALIVE"), r.toString());
        AuditTrail trail = run.trail(jdk);
        JsonNode seven = trail.only("jvm.exit", "7");
        assertEquals("allow", seven.path("decision").asText(), seven.toString());
        assertEquals("default", seven.path("rule").asText(), seven.toString());
        assertEquals("jvm.exit is allowed unless a rule denies it", seven.path("reason").asText(), seven.toString());
        assertEquals("ok", seven.path("outcome").asText(), seven.toString());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void anAllowedHaltIsRecordedThoughNoHookRuns(Path jdk) throws Exception {
        ExecToolRun run = new ExecToolRun(temp).policy("warden.default = deny");
        ChildJvm.Result r = run.run(jdk, List.of("halt|9"));
        assertEquals(9, r.exitCode(), r.toString());
        JsonNode halt = run.trail(jdk).only("jvm.exit", "9");
        assertEquals("allow", halt.path("decision").asText(), halt.toString());
        assertEquals("Runtime.halt", halt.path("detail").asText(), halt.toString());
    }
}
