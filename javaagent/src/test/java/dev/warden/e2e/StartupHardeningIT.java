package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JVM flags the README recommends to close the escape routes Warden cannot close itself:
 * Warden governs under {@code -XX:-EnableDynamicAgentLoading} on JDK 21+ ({@code -XX:+DisableAttachMechanism}
 * on 17), and then no agent can be loaded into the running JVM to undo its advice; under
 * {@code --illegal-native-access=deny} and
 * {@code --sun-misc-unsafe-memory-access=allow} (JDK 24+); under
 * {@code --sun-misc-unsafe-memory-access=deny} its trail cannot open (Chronicle Queue needs
 * {@code sun.misc.Unsafe}) and it fails closed.
 */
class StartupHardeningIT {

    @TempDir
    Path temp;

    static List<Path> jdks() {
        return Jdks.all();
    }

    /** --sun-misc-unsafe-memory-access arrived in JDK 23 (JEP 471): JDK 17 has no such flag. */
    static List<Path> jdk25() {
        return List.of(Jdks.jdk25());
    }

    private Path notes;
    private Path secret;

    private ExecToolRun run() throws Exception {
        ExecToolRun run = new ExecToolRun(temp);
        notes = Files.writeString(run.root.resolve("notes.txt"), "public notes");
        secret = Files.writeString(run.root.resolve("secret.txt"), "the secret");
        return run.policy("warden.default = deny",
                "warden.rule.notes.actions = file.read",
                "warden.rule.notes.targets = " + notes,
                "warden.rule.notes.effect = allow");
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void wardenGovernsUnderTheHardeningFlagsAndNoAgentCanBeLoadedLater(Path jdk) throws Exception {
        ExecToolRun run = run();
        // JDK 17 accepts -XX:-EnableDynamicAgentLoading but still loads an agent through jcmd
        // (17.0.15 here); only JDK 21+ (JEP 451) enforces it. On 17, close the attach mechanism itself.
        boolean jep451 = Jdks.feature(jdk) >= 21;
        List<String> flags = new ArrayList<>(List.of(jep451 ? "-XX:-EnableDynamicAgentLoading" : "-XX:+DisableAttachMechanism"));
        if (Jdks.feature(jdk) >= 24) {
            flags.addAll(List.of("--illegal-native-access=deny", "--sun-misc-unsafe-memory-access=allow"));
        }
        ChildJvm.Result r;
        String attach;
        try (ChildJvm child = run.start(jdk, flags, List.of("read|" + notes, "read|" + secret, "sleep|5000"))) {
            child.waitForLine("READY", 60);
            Process jcmd = new ProcessBuilder(jdk.resolve("bin/jcmd").toString(), Long.toString(child.pid()),
                    "JVMTI.agent_load", ChildJvm.AGENT_JAR.toString()).redirectErrorStream(true).start();
            attach = new String(jcmd.getInputStream().readAllBytes());
            assertTrue(jcmd.waitFor(60, TimeUnit.SECONDS));
            r = child.await(60); // a normal exit: records held while the trail opened are written
        }
        assertTrue(attach.contains(jep451 ? "Dynamic agent loading is not enabled" : "The VM does not support the attach mechanism"),
                attach);
        assertEquals(0, r.exitCode(), r.toString());
        assertFalse(String.join("\n", r.stderr()).contains("WARNING"), "the JVM warned: " + r);
        assertEquals("OK read|" + notes + " public notes", r.line("OK read|"));
        assertTrue(r.line("ERR read|" + secret).endsWith("Warden denied file.read " + secret + ": no rule allows this (default)"),
                r.toString());
        assertEquals("deny", run.trail(jdk).only("file.read", secret.toString()).path("decision").asText());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdk25")
    void withoutUnsafeTheTrailCannotOpenAndWardenFailsClosed(Path jdk) throws Exception {
        ExecToolRun run = run();
        ChildJvm.Result r = run.run(jdk, List.of("--sun-misc-unsafe-memory-access=deny"),
                List.of("read|" + notes, "sleep|500", "read|" + notes));
        assertEquals(0, r.exitCode(), r.toString());
        String log = String.join("\n", r.stderr());
        assertTrue(log.contains("cannot open the audit trail in " + run.audit), log);
        assertTrue(r.line("ERR read|" + notes).endsWith("Warden denied file.read " + notes + ": the audit trail cannot be written (error)"),
                r.toString());
        assertEquals("ALIVE", r.stdout().get(r.stdout().size() - 1), r.toString());
    }
}
