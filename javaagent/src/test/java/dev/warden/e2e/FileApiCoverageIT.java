package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public way the JDK opens, creates, lists, changes, copies, moves or deletes a file is
 * governed: each allowed where the policy allows it (and recorded with the right action), each
 * refused with the exception its API declares where it does not.
 */
class FileApiCoverageIT {

    @TempDir
    Path temp;

    static List<Path> jdks() {
        return Jdks.all();
    }

    /** Read steps and the exception each throws when denied. */
    private static final Map<String, String> READS = Map.ofEntries(
            Map.entry("fis-read", "java.io.FileNotFoundException"),
            Map.entry("reader-read", "java.io.FileNotFoundException"),
            Map.entry("raf-read", "java.io.FileNotFoundException"),
            Map.entry("scanner", "java.io.FileNotFoundException"),
            Map.entry("url-read", "java.io.FileNotFoundException"),
            Map.entry("nio-read", "AccessDeniedException"),
            Map.entry("nio-bytes", "AccessDeniedException"),
            Map.entry("nio-lines", "AccessDeniedException"),
            Map.entry("nio-all-lines", "AccessDeniedException"),
            Map.entry("byte-channel-read", "AccessDeniedException"),
            Map.entry("nio-stream", "AccessDeniedException"),
            Map.entry("buffered-reader", "AccessDeniedException"),
            Map.entry("channel-read", "AccessDeniedException"),
            Map.entry("async-read", "AccessDeniedException"));

    /** Steps on a directory that list it (file.read of the directory). */
    private static final Map<String, String> LISTINGS = Map.of(
            "list", "java.lang.SecurityException",
            "nio-list", "AccessDeniedException",
            "walk", "AccessDeniedException");

    /** Steps that write a new file in a directory, and their exception. */
    private static final Map<String, String> WRITES = Map.ofEntries(
            Map.entry("fos-write", "java.io.FileNotFoundException"),
            Map.entry("fos-append", "java.io.FileNotFoundException"),
            Map.entry("writer-write", "java.io.FileNotFoundException"),
            Map.entry("raf-write", "java.io.FileNotFoundException"),
            Map.entry("nio-write", "AccessDeniedException"),
            Map.entry("nio-append", "AccessDeniedException"),
            Map.entry("nio-write-bytes", "AccessDeniedException"),
            Map.entry("nio-out-stream", "AccessDeniedException"),
            Map.entry("nio-mkdir", "AccessDeniedException"),
            Map.entry("buffered-writer", "AccessDeniedException"),
            Map.entry("channel-write", "AccessDeniedException"),
            Map.entry("create", "AccessDeniedException"),
            Map.entry("nio-create", "AccessDeniedException"),
            Map.entry("mkdir", "java.lang.SecurityException"),
            Map.entry("mkdirs", "java.lang.SecurityException"),
            Map.entry("nio-mkdirs", "AccessDeniedException"));

    /** Attribute changes on an existing file (file.write). */
    private static final Map<String, String> ATTRIBUTES = Map.of(
            "chmod", "AccessDeniedException",
            "touch", "AccessDeniedException",
            "setexec", "java.lang.SecurityException");

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void everyReadApiIsGoverned(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        String doc = ws.kb.resolve("doc.txt").toString();
        String key = ws.secret.resolve("key.txt").toString();
        List<String> steps = new ArrayList<>();
        READS.keySet().forEach(op -> {
            steps.add(op + ":" + doc);
            steps.add(op + ":" + key);
        });
        LISTINGS.keySet().forEach(op -> {
            steps.add(op + ":" + ws.kb);
            steps.add(op + ":" + ws.secret);
        });

        ChildJvm.Result r = ws.run(jdk, steps.toArray(String[]::new));

        READS.forEach((op, exception) -> {
            r.line("OK " + op + ":" + doc + " ");
            String err = r.line("ERR " + op + ":" + key + " ");
            assertTrue(err.contains(exception + ": Warden denied file.read " + key + ": no rule allows this (default)"), err);
        });
        LISTINGS.forEach((op, exception) -> {
            r.line("OK " + op + ":" + ws.kb + " ");
            String err = r.line("ERR " + op + ":" + ws.secret + " ");
            assertTrue(err.contains(exception + ": Warden denied file.read " + ws.secret), err);
        });
        AuditTrail trail = ws.trail(jdk);
        assertTrue(trail.about("file.read", doc).size() >= READS.size(), trail.toString());
        assertEquals(READS.size(), trail.about("file.read", key).size(), trail.toString());
        assertEquals(LISTINGS.size(), trail.about("file.read", ws.secret.toString()).size(), trail.toString());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void everyWriteApiIsGoverned(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        Files.writeString(ws.out.resolve("attrs.txt"), "a");
        List<String> steps = new ArrayList<>();
        WRITES.keySet().forEach(op -> {
            steps.add(op + ":" + ws.out.resolve(op));
            steps.add(op + ":" + ws.secret.resolve(op));
        });
        ATTRIBUTES.keySet().forEach(op -> {
            steps.add(op + ":" + ws.out.resolve("attrs.txt"));
            steps.add(op + ":" + ws.secret.resolve("key.txt"));
        });
        steps.add("temp:" + ws.out);
        steps.add("temp:" + ws.secret);
        steps.add("nio-temp:" + ws.out);
        steps.add("nio-temp:" + ws.secret);
        steps.add("copy:" + ws.kb.resolve("doc.txt") + ":" + ws.out.resolve("copy.txt"));
        steps.add("copy:" + ws.kb.resolve("doc.txt") + ":" + ws.secret.resolve("copy.txt"));
        steps.add("copy:" + ws.secret.resolve("key.txt") + ":" + ws.out.resolve("stolen.txt"));
        steps.add("symlink:" + ws.out.resolve("ln") + ":" + ws.kb.resolve("doc.txt"));
        steps.add("symlink:" + ws.out.resolve("ln2") + ":" + ws.secret.resolve("key.txt"));
        steps.add("hardlink:" + ws.out.resolve("hl") + ":" + ws.secret.resolve("key.txt"));
        steps.add("hardlink:" + ws.out.resolve("hl2") + ":" + ws.kb.resolve("doc.txt"));
        steps.add("move:" + ws.out.resolve("copy.txt") + ":" + ws.out.resolve("moved.txt"));

        ChildJvm.Result r = ws.run(jdk, steps.toArray(String[]::new));

        WRITES.forEach((op, exception) -> {
            r.line("OK " + op + ":" + ws.out.resolve(op) + " ");
            String err = r.line("ERR " + op + ":" + ws.secret.resolve(op) + " ");
            assertTrue(err.contains(exception + ": Warden denied file.write " + ws.secret.resolve(op)), err);
            assertTrue(Files.notExists(ws.secret.resolve(op)), op + " created a file it was denied");
        });
        ATTRIBUTES.forEach((op, exception) -> {
            r.line("OK " + op + ":" + ws.out.resolve("attrs.txt") + " ");
            String err = r.line("ERR " + op + ":" + ws.secret.resolve("key.txt") + " ");
            assertTrue(err.contains(exception + ": Warden denied file.write " + ws.secret.resolve("key.txt")), err);
        });
        assertTrue(r.line("OK temp:" + ws.out).startsWith("OK "));
        assertTrue(r.line("ERR temp:" + ws.secret).contains("Warden denied file.write " + ws.secret + ":"), r.stdout().toString());
        assertTrue(r.line("ERR nio-temp:" + ws.secret).contains("Warden denied file.write " + ws.secret + "/tool"), r.stdout().toString());
        assertTrue(r.line("OK copy:" + ws.kb.resolve("doc.txt") + ":" + ws.out).startsWith("OK"));
        assertTrue(r.line("ERR copy:" + ws.kb.resolve("doc.txt") + ":" + ws.secret).contains("Warden denied file.write " + ws.secret.resolve("copy.txt")));
        assertTrue(r.line("ERR copy:" + ws.secret).contains("Warden denied file.read " + ws.secret.resolve("key.txt")));
        assertTrue(r.line("OK symlink:" + ws.out.resolve("ln") + ":").startsWith("OK"));
        assertTrue(r.line("ERR symlink:" + ws.out.resolve("ln2")).contains("Warden denied file.read " + ws.secret.resolve("key.txt")));
        // A hard link is a second name for the file: read and write are both needed on it.
        assertTrue(r.line("ERR hardlink:" + ws.out.resolve("hl")).contains("Warden denied file.write " + ws.secret.resolve("key.txt")));
        assertTrue(r.line("ERR hardlink:" + ws.out.resolve("hl2")).contains("Warden denied file.write " + ws.kb.resolve("doc.txt")),
                "a read-only file must not get a writable second name");
        assertTrue(r.line("OK move:").startsWith("OK"));
        assertTrue(Files.notExists(ws.out.resolve("stolen.txt")));
        assertTrue(Files.notExists(ws.out.resolve("ln2")));
        AuditTrail trail = ws.trail(jdk);
        assertEquals(1, trail.about("file.delete", ws.out.resolve("copy.txt").toString()).size(), trail.toString());
        assertEquals(1, trail.about("file.write", ws.out.resolve("moved.txt").toString()).size(), trail.toString());
    }
}
