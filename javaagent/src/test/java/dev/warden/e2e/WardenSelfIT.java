package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Warden's own files under the real agent: the built-in {@code warden-self} rule keeps the
 * application from writing, deleting or moving the policy file, the audit directory and the
 * kill-switch file even when a rule allows every file action; the trail is owner-only; and daily
 * files older than {@code warden.audit.retain} are removed. (Deleting the kill-switch file is in
 * {@code FileGovernanceIT}.)
 */
class WardenSelfIT {

    @TempDir
    Path temp;

    static List<Path> jdks() {
        return Jdks.all();
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd")) + "F.cq4";
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void theApplicationCannotTouchWardensFilesWhateverTheRulesAllow(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp);
        Path kill = ws.root.resolve("STOP");
        ws.policy("warden.killswitch.file = " + kill,
                "warden.rule.everything.actions = file.*",
                "warden.rule.everything.targets = " + ws.root + "/**",
                "warden.rule.everything.effect = allow");
        String policyBefore = Files.readString(ws.policy);
        Path queueFile = ws.audit.resolve(today());
        List<String> steps = List.of(
                "fos-write:" + ws.policy,
                "nio-delete:" + ws.policy,
                "rename:" + ws.policy + ":" + ws.out.resolve("policy-copy"),
                "nio-write:" + ws.audit.resolve("planted"),
                "nio-delete:" + queueFile,
                "move:" + ws.audit + ":" + ws.out.resolve("audit-elsewhere"),
                "create:" + kill,
                "nio-write:" + ws.out.resolve("fine.txt"));
        ChildJvm.Result r = ws.run(jdk, steps.toArray(new String[0]));

        for (String step : steps.subList(0, steps.size() - 1)) {
            String line = r.line("ERR " + step + " ");
            assertTrue(line.contains("(rule warden-self)"), line + "\n" + r);
        }
        assertTrue(r.line("OK nio-write:" + ws.out.resolve("fine.txt")).endsWith("written"), r.toString());
        assertEquals(policyBefore, Files.readString(ws.policy));
        assertTrue(Files.exists(queueFile), "the application deleted the trail");
        assertFalse(Files.exists(ws.audit.resolve("planted")));
        assertFalse(Files.exists(ws.out.resolve("audit-elsewhere")));
        assertFalse(Files.exists(kill), "the application engaged the kill switch itself");
        List<JsonNode> self = ws.trail(jdk).where(n -> n.path("rule").asText().equals("warden-self"));
        assertEquals(steps.size() - 1, self.size(), self.toString());
        for (JsonNode n : self) {
            assertEquals("deny", n.path("decision").asText(), n.toString());
        }
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void theTrailIsOwnerOnlyAndOldDaysAreRemoved(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy("warden.audit.retain = 2d");
        String doc = ws.kb.resolve("doc.txt").toString();
        assertTrue(ws.run(jdk, "fis-read:" + doc).line("OK fis-read:").endsWith("knowledge"));
        // A short run: the JVM may exit while its control listener is opening the channel.
        assertOwnerOnly(ws.audit);

        // Daily files of earlier days, as a trail kept for a while has them.
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyyMMdd");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Path aged = ws.audit.resolve(today.minusDays(3).format(day) + "F.cq4");
        Path recent = ws.audit.resolve(today.minusDays(1).format(day) + "F.cq4");
        Path ancient = ws.audit.resolve("20200101F.cq4");
        for (Path p : List.of(aged, recent, ancient)) {
            Files.copy(ws.audit.resolve(today()), p);
        }
        assertTrue(ws.run(jdk, "fis-read:" + doc).line("OK fis-read:").endsWith("knowledge"));
        assertFalse(Files.exists(ancient), "a file from 2020 outlived warden.audit.retain = 2d");
        assertFalse(Files.exists(aged), "a file whose last record is over 2 days old was kept");
        assertTrue(Files.exists(recent), "yesterday's file was removed before it aged out");
        assertTrue(Files.exists(ws.audit.resolve(today())));

        // A run long enough to open the control channel: its files are there, and owner-only too.
        assertTrue(ws.run(jdk, "fis-read:" + doc, "sleep:2000").line("OK fis-read:").endsWith("knowledge"));
        assertTrue(Files.exists(ws.audit.resolve("control").resolve("metadata.cq4t")), "the control channel was not opened");
        assertOwnerOnly(ws.audit);
    }

    /** The trail's directory and files, and the control channel's directory and every file in it. */
    private static void assertOwnerOnly(Path audit) throws Exception {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(audit)));
        try (Stream<Path> files = Files.walk(audit)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                assertEquals(Files.isDirectory(f) ? "rwx------" : "rw-------",
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
        }
    }
}
