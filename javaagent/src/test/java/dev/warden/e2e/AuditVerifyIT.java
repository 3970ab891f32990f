package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code audit verify --dir D} on a real trail: exit 0 when intact; exit 1 naming the first broken
 * record when one was altered, removed or moved — done to a copy of the trail's queue file, at
 * the bytes of a record found by its content.
 */
class AuditVerifyIT {

    @TempDir
    Path temp;

    static List<Path> jdks() {
        return Jdks.all();
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void alteredRemovedAndMovedRecordsAreFound(Path jdk) throws Exception {
        ExecToolRun run = new ExecToolRun(temp).policy("warden.default = deny");
        // Four denied starts: four records that differ only in one character of their target.
        List<String> steps = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            steps.add("pb|-|" + run.root.resolve("no-" + i));
        }
        ChildJvm.Result r = run.run(jdk, steps);
        assertEquals(0, r.exitCode(), r.toString());

        ChildJvm.Result intact = ChildJvm.cli(jdk, "audit", "verify", "--dir", run.audit.toString());
        assertEquals(0, intact.exitCode(), intact.toString());
        assertTrue(intact.stdout().get(0).startsWith("audit trail " + run.audit + " is intact: "), intact.toString());
        assertTrue(intact.stdout().get(1).matches("  session [0-9a-f]+ ends in hash [0-9a-f]{32}"), intact.toString());

        // Altered: one character of a record's target.
        Path altered = copy(run.audit, "altered");
        long second = seqOf(jdk, run.audit, "no-2");
        QueueFile.of(altered).replace(record("no-2"), record("no-X"));
        assertBrokenAt(jdk, altered, seqOf(jdk, altered, "no-X"));
        assertEquals(second, seqOf(jdk, altered, "no-X"));

        // Removed: the record's excerpt marked as Chronicle metadata, which every reader skips.
        Path removed = copy(run.audit, "removed");
        QueueFile.of(removed).hide(record("no-2"));
        assertEquals(3, AuditTrail.export(jdk, removed).where(n -> n.path("action").asText().equals("process.exec")).size());
        assertBrokenAt(jdk, removed, seqOf(jdk, removed, "no-3"));

        // Moved: two records of the same length swapped.
        Path moved = copy(run.audit, "moved");
        QueueFile.of(moved).swap(record("no-2"), record("no-3"));
        assertBrokenAt(jdk, moved, seqOf(jdk, moved, "no-3"));
        assertTrue(seqOf(jdk, moved, "no-3") < seqOf(jdk, moved, "no-2"), "the swap did not move the records");
    }

    private static byte[] record(String name) {
        return ("/" + name).getBytes(StandardCharsets.UTF_8);
    }

    private static void assertBrokenAt(Path jdk, Path dir, long seq) throws Exception {
        ChildJvm.Result v = ChildJvm.cli(jdk, "audit", "verify", "--dir", dir.toString());
        assertEquals(1, v.exitCode(), v.toString());
        assertTrue(String.join("\n", v.stderr()).contains("is broken at record " + seq + ": "), "expected record " + seq + ": " + v);
    }

    private static long seqOf(Path jdk, Path dir, String name) throws Exception {
        return AuditTrail.export(jdk, dir).where(n -> AuditTrail.targetOf(n).endsWith("/" + name)).get(0).path("seq").asLong();
    }

    private Path copy(Path dir, String name) throws Exception {
        Path to = Files.createDirectories(temp.resolve(name));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
