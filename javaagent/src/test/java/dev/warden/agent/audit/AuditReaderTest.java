package dev.warden.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditReaderTest {

    private static final long T0 = AuditTimes.epochNanos(Instant.parse("2026-11-24T09:00:00Z"));
    private static final long MINUTE = 60_000_000_000L;

    @TempDir
    Path temp;

    private Path writeTrail(AuditRecord... records) throws Exception {
        Path dir = temp.resolve("audit");
        try (ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir)) {
            for (AuditRecord r : records) {
                assertTrue(trail.append(r));
            }
        }
        return dir;
    }

    private static AuditRecord at(long minutes, String decision) {
        AuditRecord r = Records.allow(T0 + minutes * MINUTE, "/r/" + minutes);
        r.decision = decision;
        return r;
    }

    private static List<String> targets(AuditReader reader) throws IOException {
        List<String> targets = new ArrayList<>();
        reader.readAll(r -> targets.add(r.targets[0]));
        return targets;
    }

    @Test
    void sinceKeepsRecordsFromThatInstantOn() throws Exception {
        Path dir = writeTrail(at(0, "allow"), at(10, "deny"), at(20, "allow"));
        try (AuditReader reader = AuditReader.open(dir).since(Instant.parse("2026-11-24T09:10:00Z"))) {
            assertEquals(List.of("/r/10", "/r/20"), targets(reader));
        }
    }

    @Test
    void decisionKeepsOnlyThatDecision() throws Exception {
        Path dir = writeTrail(at(0, "allow"), at(1, "deny"), at(2, "would-deny"), at(3, "deny"));
        try (AuditReader reader = AuditReader.open(dir).decision("deny")) {
            assertEquals(List.of("/r/1", "/r/3"), targets(reader));
        }
        try (AuditReader reader = AuditReader.open(dir).decision("deny").since(Instant.parse("2026-11-24T09:02:00Z"))) {
            assertEquals(List.of("/r/3"), targets(reader));
        }
    }

    @Test
    void followPicksUpRecordsAppendedLater() throws Exception {
        Path dir = temp.resolve("audit");
        List<String> seen = new CopyOnWriteArrayList<>();
        try (ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir)) {
            trail.append(at(0, "allow"));
            Trails.awaitOpen(trail);
            long deadline = System.nanoTime() + 10_000_000_000L;
            Thread follower = new Thread(() -> {
                try (AuditReader reader = AuditReader.open(dir)) {
                    reader.follow(r -> seen.add(r.targets[0]), () -> seen.size() < 3 && System.nanoTime() < deadline);
                } catch (IOException e) {
                    seen.add("failed: " + e);
                }
            });
            follower.start();
            Thread.sleep(300);
            trail.append(at(1, "allow"));
            Thread.sleep(300);
            trail.append(at(2, "deny"));
            follower.join(10_000);
        }
        assertEquals(List.of("/r/0", "/r/1", "/r/2"), seen);
    }

    @Test
    void aTrailWithoutRecordsReadsAsEmpty() throws Exception {
        Path dir = temp.resolve("audit");
        try (ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir)) {
            Trails.awaitOpen(trail);
        }
        try (AuditReader reader = AuditReader.open(dir)) {
            assertEquals(List.of(), targets(reader));
        }
    }

    @Test
    void aDirectoryThatIsNotATrailIsRefused() throws IOException {
        Path empty = Files.createDirectory(temp.resolve("empty"));
        IOException e = assertThrows(IOException.class, () -> AuditReader.open(empty));
        assertEquals(empty + " is not a Warden audit trail (no metadata.cq4t or *.cq4 files in it)", e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> AuditReader.open(temp.resolve("missing")));
        assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
    }

    @Test
    void sinceAcceptsInstantsDatesAndDurationsAgo() {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        assertEquals(Instant.parse("2026-11-24T09:15:02Z"), Since.parse("2026-11-24T09:15:02Z", now));
        assertEquals(Instant.parse("2026-11-24T08:15:02Z"), Since.parse("2026-11-24T09:15:02+01:00", now));
        assertEquals(Instant.parse("2026-11-24T00:00:00Z"), Since.parse("2026-11-24", now));
        assertEquals(Instant.parse("2026-11-24T09:45:00Z"), Since.parse("15m", now));
        assertEquals(Instant.parse("2026-11-17T10:00:00Z"), Since.parse("7d", now));
        assertThrows(IllegalArgumentException.class, () -> Since.parse("yesterday", now));
        assertThrows(IllegalArgumentException.class, () -> Since.parse("15x", now));
    }
}
