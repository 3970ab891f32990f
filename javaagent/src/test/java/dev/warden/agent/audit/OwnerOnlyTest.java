package dev.warden.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queue files made owner-only from the start, not narrowed afterwards. */
class OwnerOnlyTest {

    @TempDir
    Path temp;

    @Test
    void chronicleInitializesTheOwnerOnlyMetadataFileWardenMadeAndKeepsItsMode() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("q"));
        OwnerOnly.createQueueMetadata(dir);
        Path metadata = dir.resolve(AuditDirectory.METADATA);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(metadata)), "made owner-only");
        assertEquals(0, Files.size(metadata));

        // Chronicle alone, without Warden narrowing anything after it.
        ChronicleEnvironment.prepare();
        try (SingleChronicleQueue q = SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY).build();
                ExcerptAppender a = q.createAppender()) {
            a.writeText("hello");
        }
        assertTrue(Files.size(metadata) > 0, "Chronicle initialized it");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(metadata)));
        try (SingleChronicleQueue q = SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY).readOnly(true).build()) {
            assertEquals("hello", q.createTailer().readText(), "and the queue works");
        }
        OwnerOnly.createQueueMetadata(dir); // exists: left alone
        assertTrue(Files.size(metadata) > 0);
    }
}
