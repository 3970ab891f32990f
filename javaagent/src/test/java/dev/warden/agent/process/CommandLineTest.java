package dev.warden.agent.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the JDK's launcher finds a program (childproc.c's JDK_execvpe), and the target it makes. */
class CommandLineTest {

    @TempDir
    Path temp;

    private Path root;
    private Path tool;

    @BeforeEach
    void tree() throws Exception {
        root = temp.toRealPath();
        Files.createDirectories(root.resolve("first"));
        Files.createDirectories(root.resolve("second"));
        Files.createDirectories(root.resolve("work/bin"));
        // Not executable: skipped by the search, as execve's EACCES is.
        Files.writeString(root.resolve("first/tool"), "#!/bin/sh\n");
        tool = executable(root.resolve("second/tool"));
        executable(root.resolve("work/bin/local"));
        Files.createSymbolicLink(root.resolve("first/alias"), tool);
    }

    private static Path executable(Path p) throws Exception {
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void aBareNameIsSearchedInTheParentsPathFirstExecutableWins() {
        CommandLine c = new CommandLine(root.toString(), root + "/first:" + root + "/second");
        assertEquals(tool.toString(), c.executable("tool", null));
        assertEquals(tool + " -v a b", c.target(new String[] {"tool", "-v", "a", "b"}, null));
    }

    @Test
    void symlinksAreFollowed() {
        CommandLine c = new CommandLine(root.toString(), root + "/first");
        assertEquals(tool.toString(), c.executable("alias", null));
        assertEquals(tool.toString(), c.executable(root + "/first/alias", null));
    }

    @Test
    void relativePathEntriesAndNamesWithASlashAreRelativeToTheChildsDirectory() {
        CommandLine c = new CommandLine(root.toString(), "bin::/nonexistent");
        String work = root.resolve("work").toString();
        assertEquals(root + "/work/bin/local", c.executable("local", work), "a relative PATH entry");
        assertEquals(root + "/work/bin/local", c.executable("./bin/local", work));
        assertEquals(root + "/work/bin/local", c.executable("work/bin/local", null), "against the JVM's directory");
        assertEquals(root + "/second/tool", c.executable("tool", root.resolve("second").toString()), "an empty entry: the directory");
    }

    @Test
    void whatIsNotFoundIsDecidedAsWritten() {
        CommandLine c = new CommandLine(root.toString(), root + "/first");
        assertEquals("nosuch", c.executable("nosuch", null));
        assertEquals(root + "/nosuch", c.executable("./nosuch", null), "made absolute and normalized");
        assertEquals("", c.executable("", null));
    }
}
