package dev.warden.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlChannelTest {

    @TempDir
    Path temp;

    private static List<String> drain(ControlChannel c) {
        return ControlChannels.drain(c);
    }

    @Test
    void aReaderOpenedLaterReadsEveryMessageInOrder() throws IOException {
        Path audit = temp.resolve("audit");
        try (ControlChannel cli = ControlChannel.open(audit)) {
            cli.send(new ControlMessage(ControlMessage.Kind.SUSPEND, null, "alice", 1));
            cli.send(new ControlMessage(ControlMessage.Kind.REVOKE_SESSION, "conv-7", "alice", 2));
            cli.send(new ControlMessage(ControlMessage.Kind.APPROVE, "0123456789ab", "bob", 3));
            cli.send(new ControlMessage(ControlMessage.Kind.REJECT, "ba9876543210", "bob", 4));
            cli.send(new ControlMessage(ControlMessage.Kind.RESUME, null, "alice", 5));
        }
        try (ControlChannel agent = ControlChannel.open(audit)) {
            assertEquals(List.of("SUSPEND by alice", "REVOKE_SESSION conv-7 by alice", "APPROVE 0123456789ab by bob",
                    "REJECT ba9876543210 by bob", "RESUME by alice"), drain(agent));
            try (ControlChannel cli = ControlChannel.open(audit)) {
                cli.send(new ControlMessage(ControlMessage.Kind.SUSPEND, null, "carol", 6));
            }
            assertEquals(List.of("SUSPEND by carol"), drain(agent), "a tailer sees what is appended later");
        }
    }

    @Test
    void theChannelIsOwnerOnlyInsideTheAuditDirectory() throws IOException {
        Path audit = temp.resolve("audit");
        try (ControlChannel c = ControlChannel.open(audit)) {
            c.send(new ControlMessage(ControlMessage.Kind.SUSPEND, null, "alice", 1));
            assertEquals(audit.resolve("control"), c.directory());
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(audit.resolve("control"))));
        try (var files = Files.list(audit.resolve("control"))) {
            files.forEach(f -> {
                try {
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
        }
    }

    @Test
    void anUnreadableExcerptIsReportedAndSkipped() throws IOException {
        Path audit = temp.resolve("audit");
        try (ControlChannel c = ControlChannel.open(audit)) {
            c.send(new ControlMessage(ControlMessage.Kind.SUSPEND, null, "alice", 1));
        }
        // What another tool (or a later Warden) might append: garbage, another format, an unknown kind.
        try (SingleChronicleQueue q = SingleChronicleQueueBuilder.binary(audit.resolve("control"))
                .rollCycle(RollCycles.FAST_DAILY).build(); ExcerptAppender a = q.createAppender()) {
            for (byte[] bytes : new byte[][] {{(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef}, {9, 1, 0},
                    {ControlCodec.FORMAT, 42, 0, 0, 0}, {ControlCodec.FORMAT}}) {
                try (DocumentContext dc = a.writingDocument()) {
                    dc.wire().bytes().write(bytes);
                }
            }
        }
        try (ControlChannel c = ControlChannel.open(audit)) {
            c.send(new ControlMessage(ControlMessage.Kind.RESUME, null, "alice", 2));
            List<String> seen = drain(c);
            assertEquals(6, seen.size(), seen.toString());
            assertEquals("SUSPEND by alice", seen.get(0));
            assertTrue(seen.get(1).startsWith("unreadable: control message format -34 is not readable"), seen.get(1));
            assertTrue(seen.get(2).startsWith("unreadable: control message format 9"), seen.get(2));
            assertEquals("unreadable: unknown control message kind 42", seen.get(3));
            assertEquals("unreadable: too short (1 bytes)", seen.get(4));
            assertEquals("RESUME by alice", seen.get(5), "the channel goes on after what it skipped");
        }
    }

    @Test
    void aTruncatedMessageIsRefusedNotGuessed() {
        Bytes<?> b = Bytes.allocateElasticOnHeap(16);
        b.writeByte(ControlCodec.FORMAT);
        b.writeByte((byte) 4); // approve, then nothing
        IOException e = assertThrows(IOException.class, () -> ControlCodec.read(b));
        assertTrue(e.getMessage().startsWith("damaged: ") || e.getMessage().contains("without"), e.getMessage());
    }

    @Test
    void aMessageNamesWhatItsKindNeeds() {
        assertThrows(IllegalArgumentException.class, () -> new ControlMessage(ControlMessage.Kind.APPROVE, null, "a", 1));
        assertThrows(IllegalArgumentException.class, () -> new ControlMessage(ControlMessage.Kind.SUSPEND, "x", "a", 1));
        assertFalse(new ControlMessage(ControlMessage.Kind.SUSPEND, null, "a", 1).toString().isEmpty());
    }
}
