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
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChronicleAuditTrailTest {

    @TempDir
    Path temp;

    @Test
    void recordsAppendedBeforeAndAfterTheQueueOpensAreReadBackInOrder() throws Exception {
        Path dir = temp.resolve("audit");
        CountDownLatch gate = new CountDownLatch(1);
        ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir, Trails.heldBy(gate));
        AuditRecord r = new AuditRecord();
        for (int i = 0; i < 50; i++) {
            fill(r, i);
            assertTrue(trail.append(r));
        }
        assertFalse(trail.isOpen(), "the first 50 were held in memory");
        gate.countDown();
        Trails.awaitOpen(trail);
        for (int i = 50; i < 100; i++) {
            fill(r, i);
            assertTrue(trail.append(r));
        }
        trail.close();

        List<AuditRecord> read = Trails.readAll(dir);
        assertEquals(100, read.size());
        for (int i = 0; i < 100; i++) {
            assertEquals("/data/" + i, read.get(i).targets[0]);
            assertEquals(i, read.get(i).timeEpochNanos);
            if (i > 0) {
                assertTrue(read.get(i).seq > read.get(i - 1).seq, "seq increases");
            }
        }
    }

    @Test
    void closeWaitsForTheQueueWhenRecordsAreHeld() throws Exception {
        Path dir = temp.resolve("audit");
        CountDownLatch gate = new CountDownLatch(1);
        ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir, Trails.heldBy(gate));
        AuditRecord r = new AuditRecord();
        for (int i = 0; i < 3; i++) {
            fill(r, i);
            trail.append(r);
        }
        new Thread(() -> {
            sleep(300);
            gate.countDown();
        }).start();
        trail.close();
        assertEquals(3, Trails.readAll(dir).size());
    }

    @Test
    void closeDoesNotWaitWhenNothingWasAppended() throws Exception {
        ChronicleAuditTrail trail = ChronicleAuditTrail.open(temp.resolve("audit"), Trails.heldBy(new CountDownLatch(1)));
        long start = System.nanoTime();
        trail.close();
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "close returned at once");
        assertFalse(trail.append(Records.allow(1, "/late")), "nothing is appended after close");
    }

    /** A JVM that exits during the open leaves an empty metadata file: the next writer must cope. */
    @Test
    void anEmptyMetadataFileFromAnAbandonedOpenIsInitializedByTheNextWriter() throws Exception {
        Path dir = temp.resolve("audit");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.createFile(dir.resolve("metadata.cq4t"));
        ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir);
        Trails.awaitOpen(trail);
        assertTrue(trail.append(Records.allow(1, "/a")));
        trail.close();
        assertEquals(1, Trails.readAll(dir).size());
    }

    @Test
    void appendAfterCloseReturnsFalse() throws Exception {
        ChronicleAuditTrail trail = ChronicleAuditTrail.open(temp.resolve("audit"));
        Trails.awaitOpen(trail);
        assertTrue(trail.append(Records.allow(1, "/a")));
        trail.close();
        trail.close(); // idempotent
        assertFalse(trail.append(Records.allow(2, "/b")));
    }

    @Test
    void closeWhileOtherThreadsAppendNeitherCrashesNorLosesReturnedRecords() throws Exception {
        // Chronicle unmaps the file on close; a thread still writing into it would kill the JVM
        // with SIGSEGV (it did, before QueueWriter's in-flight guard).
        for (int round = 0; round < 5; round++) {
            Path dir = temp.resolve("race-" + round);
            ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir);
            Trails.awaitOpen(trail);
            java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread[] writers = new Thread[4];
            for (int i = 0; i < writers.length; i++) {
                writers[i] = new Thread(() -> {
                    AuditRecord r = Records.allow(1, "/x");
                    while (!stop.get()) {
                        if (trail.append(r)) {
                            written.incrementAndGet();
                        }
                    }
                });
                writers[i].start();
            }
            Thread.sleep(30);
            trail.close();
            stop.set(true);
            for (Thread w : writers) {
                w.join();
            }
            assertEquals(written.get(), Trails.readAll(dir).size(), "every append that returned true is in the trail");
        }
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsReportedByName() throws IOException {
        Path file = Files.createFile(temp.resolve("plain-file"));
        Path dir = file.resolve("audit");
        IOException e = assertThrows(IOException.class, () -> ChronicleAuditTrail.open(dir));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void theDirectoryAndItsFilesAreOwnerOnly() throws Exception {
        Path dir = temp.resolve("new/audit");
        ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir);
        Trails.awaitOpen(trail);
        trail.append(Records.allow(1, "/a"));
        trail.append(Records.allow(2, "/b"));
        trail.close();
        if (!OwnerOnly.POSIX) {
            return;
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertTrue(all.stream().anyMatch(f -> f.toString().endsWith(".cq4")), all.toString());
            for (Path f : all) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
        }
    }

    private static void fill(AuditRecord r, int i) {
        r.clear();
        r.timeEpochNanos = i;
        r.action = "file.read";
        r.addTarget("/data/" + i);
        r.decision = "allow";
        r.thread = Thread.currentThread().getName();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Agent, role, session and policy are written once per session and given back to every record. */
    @Test
    void recordsGetTheirSessionFieldsFromTheHeader() throws Exception {
        Path dir = temp.resolve("audit");
        ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir);
        trail.session(new SessionHeader(5, "support-bot", "support", "s-1", "9f2c"));
        AuditRecord r = Records.allow(1, "/before-open");
        r.sessionKey = 5;
        trail.append(r);
        Trails.awaitOpen(trail);
        AuditRecord later = Records.allow(2, "/after-open");
        later.sessionKey = 5;
        trail.append(later);
        trail.session(new SessionHeader(6, "support-bot", "support", "s-1", "a0b1"));
        AuditRecord reloaded = Records.allow(3, "/new-policy");
        reloaded.sessionKey = 6;
        trail.append(reloaded);
        trail.close();
        List<AuditRecord> read = Trails.readAll(dir);
        assertEquals(3, read.size());
        assertEquals("support-bot", read.get(0).agent);
        assertEquals("support", read.get(1).role);
        assertEquals("s-1", read.get(1).session);
        assertEquals("9f2c", read.get(1).policy);
        assertEquals("a0b1", read.get(2).policy);
    }

    /** A thread per task must not keep an appender per task: those of ended threads are closed. */
    @Test
    void appendersOfEndedThreadsAreClosed() throws Exception {
        Path dir = temp.resolve("audit");
        ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir);
        Trails.awaitOpen(trail);
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        for (int batch = 0; batch < 50; batch++) {
            List<Thread> threads = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long n = batch * 20L + i;
                Thread t = new Thread(() -> {
                    if (!trail.append(Records.allow(n, "/t" + n))) {
                        failed.incrementAndGet();
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        assertEquals(0, trail.appendersAfterReaping(), "every writing thread has ended");
        trail.close();
        assertEquals(0, failed.get());
        assertEquals(1000, Trails.readAll(dir).size());
    }

    /** A repeated path is written once per session and named by number; every record reads back whole. */
    @Test
    void repeatedPathsAreWrittenOnceAndReadBackWhole() throws Exception {
        Path dir = temp.resolve("audit");
        ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir);
        trail.session(new SessionHeader(5, "bot", null, "s-1", "p1"));
        byte[] utf8 = "/srv/kb/ünï.txt".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            AuditRecord r = Records.allow(i, "/srv/kb/ünï.txt");
            r.targetsUtf8[0] = utf8;
            r.sessionKey = 5;
            trail.append(r);
            if (i == 0) {
                Trails.awaitOpen(trail);
            }
        }
        trail.session(new SessionHeader(6, "bot", null, "s-1", "p2"));
        AuditRecord after = Records.allow(9, "/srv/kb/ünï.txt");
        after.targetsUtf8[0] = utf8;
        after.sessionKey = 6;
        trail.append(after);
        AuditRecord plain = Records.allow(10, "/no/cached/encoding");
        plain.sessionKey = 6;
        trail.append(plain);
        trail.close();
        List<AuditRecord> read = Trails.readAll(dir);
        assertEquals(5, read.size());
        for (int i = 0; i < 4; i++) {
            assertEquals("/srv/kb/ünï.txt", read.get(i).targets[0], "record " + i);
        }
        assertEquals("p2", read.get(3).policy);
        assertEquals("/no/cached/encoding", read.get(4).targets[0]);
    }

    /**
     * A call decided under one policy and ended after a reload: its record names the old header,
     * which the writer writes again, and its paths in full (their numbers belong to the new header).
     */
    @Test
    void aRecordDecidedBeforeAReloadKeepsItsVersionAndPaths() throws Exception {
        Path dir = temp.resolve("audit");
        ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir);
        SessionHeader old = new SessionHeader(5, "bot", null, "s-1", "p1");
        SessionHeader next = new SessionHeader(6, "bot", null, "s-1", "p2");
        byte[] utf8 = "/srv/kb/a.txt".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        trail.session(old);
        Trails.awaitOpen(trail);
        trail.session(next);
        AuditRecord current = Records.allow(1, "/srv/kb/a.txt");
        current.targetsUtf8[0] = utf8;
        current.sessionKey = 6;
        current.header = next;
        trail.append(current);
        AuditRecord straddling = Records.allow(2, "/srv/kb/a.txt");
        straddling.targetsUtf8[0] = utf8;
        straddling.sessionKey = 5;
        straddling.header = old;
        trail.append(straddling);
        trail.close();
        List<AuditRecord> read = Trails.readAll(dir);
        assertEquals(2, read.size());
        assertEquals("p2", read.get(0).policy);
        assertEquals("p1", read.get(1).policy, "the version it was decided under, though no record of it came before");
        assertEquals("/srv/kb/a.txt", read.get(1).targets[0]);
    }
}
