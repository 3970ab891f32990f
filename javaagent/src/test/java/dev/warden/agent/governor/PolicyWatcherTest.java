package dev.warden.agent.governor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What counts as a change of the policy file, look by look. */
class PolicyWatcherTest {

    @TempDir
    Path dir;

    @Test
    void aChangeIsActedOnOnceItHeldForOneMoreLook() throws Exception {
        Path f = Files.writeString(dir.resolve("warden.properties"), "a = 1\n");
        PolicyWatcher w = new PolicyWatcher(f);
        assertFalse(w.changed(), "nothing changed since the load");
        Files.writeString(f, "a = 22\n");
        assertFalse(w.changed(), "just changed: look again first");
        assertTrue(w.changed(), "held still for one look");
        assertFalse(w.changed(), "loaded: no change any more");
    }

    @Test
    void aFileStillBeingWrittenWaitsUntilItSettles() throws Exception {
        Path f = Files.writeString(dir.resolve("warden.properties"), "a = 1\n");
        PolicyWatcher w = new PolicyWatcher(f);
        Files.writeString(f, "");
        assertFalse(w.changed());
        Files.writeString(f, "a = 1\nb = 2\n");
        assertFalse(w.changed(), "changed again since the last look");
        assertTrue(w.changed());
    }

    @Test
    void swappingTheLinkOfAConfigMapIsAChangeEvenWithSameSizeAndTime() throws Exception {
        Path first = Files.createDirectories(dir.resolve("..v1"));
        Path second = Files.createDirectories(dir.resolve("..v2"));
        Files.writeString(first.resolve("warden.properties"), "a = 1\n");
        Files.writeString(second.resolve("warden.properties"), "a = 2\n");
        Files.setLastModifiedTime(second.resolve("warden.properties"), Files.getLastModifiedTime(first.resolve("warden.properties")));
        Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
        Path f = Files.createSymbolicLink(dir.resolve("warden.properties"), Path.of("..data/warden.properties"));
        PolicyWatcher w = new PolicyWatcher(f);
        Path tmp = Files.createSymbolicLink(dir.resolve("..data_tmp"), second.getFileName());
        Files.move(tmp, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        assertFalse(w.changed());
        assertTrue(w.changed(), "the file resolves to another path");
    }

    @Test
    void aFileThatDisappearsIsAChangeReportedOnce() throws Exception {
        Path f = Files.writeString(dir.resolve("warden.properties"), "a = 1\n");
        PolicyWatcher w = new PolicyWatcher(f);
        Files.delete(f);
        assertFalse(w.changed());
        assertTrue(w.changed(), "the reload reports the missing file");
        assertFalse(w.changed(), "and only once");
        Files.writeString(f, "a = 1\n");
        assertFalse(w.changed());
        assertTrue(w.changed(), "back again");
    }
}
