package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading: a silent start, and an application with its own copies of Warden's libraries. */
class StartupIT {

    @TempDir
    Path temp;

    static List<Path> jdks() {
        return Jdks.all();
    }

    /**
     * The only output a clean start may produce: nothing on JDK 17 and 21; on JDK 24+ the JVM's
     * own {@code sun.misc.Unsafe} deprecation notice (JEP 498), which an agent cannot silence.
     */
    static List<String> unexpectedOutput(Path jdk, List<String> stderr) {
        if (Jdks.feature(jdk) < 24) {
            return stderr;
        }
        return stderr.stream().filter(l -> !(l.startsWith("WARNING: A terminally deprecated method in sun.misc.Unsafe")
                || l.startsWith("WARNING: sun.misc.Unsafe::")
                || l.startsWith("WARNING: Please consider reporting this to the maintainers"))).toList();
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void cleanStartPrintsNothing(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        String doc = ws.kb.resolve("doc.txt").toString();

        ChildJvm.Result r = ws.run(jdk, "fis-read:" + doc);

        assertEquals(List.of("OK fis-read:" + doc + " knowledge"), r.stdout());
        assertEquals(List.of(), unexpectedOutput(jdk, r.stderr()), "a clean start printed to stderr");
        assertEquals(0, r.exitCode());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void applicationWithItsOwnByteBuddyChronicleJacksonAndSlf4jStillWorks(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        Path app = ChildJvm.TEST_APPS.resolve("clashing-deps/target");
        String classpath;
        try (Stream<Path> libs = Files.list(app.resolve("lib"))) {
            classpath = Stream.concat(Stream.of(app.resolve("clashing-deps.jar")), libs.sorted())
                    .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        }
        String doc = ws.kb.resolve("doc.txt").toString();
        // What any application using Chronicle Queue on JDK 17+ passes itself (Chronicle's README).
        List<String> chronicleFlags = List.of(
                "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
                "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
                "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
                "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "-Dchronicle.analytics.disable=true");

        ChildJvm.Result r;
        try (ChildJvm child = ChildJvm.start(jdk, ws.policy, chronicleFlags, classpath,
                "dev.warden.testapps.clash.ClashingDeps", List.of(doc, ws.out.resolve("app-queue").toString()), ws.root)) {
            r = child.await(120);
        }

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("bytebuddy=generated 1.14.18", r.line("bytebuddy="));
        assertEquals("jackson={\"tool\":\"read\"} 2.21.3", r.line("jackson="));
        assertEquals("slf4j=org.slf4j.simple.SimpleLoggerFactory", r.line("slf4j="));
        assertEquals("chronicle=the application's own queue net.openhft.chronicle.queue.ChronicleQueue", r.line("chronicle="));
        assertEquals("file=knowledge", r.line("file="));
        assertTrue(r.stderr().stream().anyMatch(l -> l.contains("the application's own logger")), r.stderr().toString());
        assertEquals("allow", ws.trail(jdk).only("file.read", doc).path("decision").asText());
    }
}
