package dev.warden.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash chains of a trail one process wrote under several session headers (policy versions). */
class TrailVerifierTest {

    @TempDir
    Path temp;

    @Test
    void aCallDecidedBeforeAReloadAndRecordedAfterItKeepsBothChainsIntact() throws Exception {
        Path dir = temp.resolve("audit");
        ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir);
        Trails.awaitOpen(trail);
        SessionHeader before = new SessionHeader(11, "bot", null, "proc", "v1");
        SessionHeader after = new SessionHeader(22, "bot", null, "proc", "v2");
        trail.session(before);
        trail.append(under(before, 1, "/a"));
        trail.append(under(before, 2, "/b"));
        trail.session(after); // a reload
        trail.append(under(after, 3, "/c"));
        trail.append(under(before, 4, "/slow")); // decided under v1, ended after the reload
        trail.append(under(after, 5, "/d"));
        trail.append(under(before, 6, "/slower"));
        trail.append(under(after, 7, "/e"));
        trail.close();

        TrailVerifier.Result r = TrailVerifier.verify(dir);
        assertNull(r.broken, r.broken);
        assertEquals(2, r.sessions);
    }

    @Test
    void manySessionKeysInOneProcessEachKeepTheirChain() throws Exception {
        Path dir = temp.resolve("audit");
        ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir);
        Trails.awaitOpen(trail);
        SessionHeader[] headers = new SessionHeader[20];
        for (int i = 0; i < headers.length; i++) {
            headers[i] = new SessionHeader(100 + i, "bot", null, "proc", "v" + i);
        }
        trail.session(headers[headers.length - 1]);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < headers.length; i++) {
                trail.append(under(headers[i], round * 100 + i, "/" + round + "/" + i));
            }
        }
        trail.close();

        TrailVerifier.Result r = TrailVerifier.verify(dir);
        assertNull(r.broken, r.broken);
        assertEquals(headers.length, r.sessions);
    }

    /**
     * Threads append while headers change under them, as calls do during reloads: every record
     * follows the header that names it (a reader knows whose it is), paths are defined before a
     * record names them by number, and every chain links.
     */
    @Test
    void recordsAppendedWhileTheHeaderChangesFollowTheirHeaderAndLink() throws Exception {
        Path dir = temp.resolve("audit");
        ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir);
        Trails.awaitOpen(trail);
        java.util.concurrent.atomic.AtomicReference<SessionHeader> current = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.function.IntFunction<SessionHeader> header = i -> new SessionHeader(1000 + i, "bot-" + i, null, "proc", "v" + i);
        current.set(header.apply(0));
        trail.session(current.get());
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread[] writers = new Thread[3];
        for (int t = 0; t < writers.length; t++) {
            int id = t;
            writers[t] = new Thread(() -> {
                for (int n = 0; !stop.get(); n++) {
                    AuditRecord r = under(current.get(), n, "/t" + id + "/" + (n % 50));
                    r.targetsUtf8[0] = r.targets[0].getBytes(java.nio.charset.StandardCharsets.UTF_8); // numbered paths
                    trail.append(r);
                }
            });
            writers[t].start();
        }
        for (int i = 1; i <= 40; i++) {
            Thread.sleep(5);
            SessionHeader next = header.apply(i);
            trail.session(next); // as Recorder.policyChanged: the sink first, then the records
            current.set(next);
        }
        stop.set(true);
        for (Thread w : writers) {
            w.join();
        }
        trail.close();

        assertNull(TrailVerifier.verify(dir).broken);
        for (AuditRecord r : Trails.readAll(dir)) {
            assertEquals("bot-" + (r.sessionKey - 1000), r.agent, "a record before its header: seq " + r.seq);
            assertEquals(false, r.targets[0].startsWith("<path #"), r.targets[0]);
        }
    }

    /**
     * A day's file is mapped in chunks; a record that straddled the start of the next one once
     * crashed the JVM (SIGSEGV) when Warden read the record back to hash it (see
     * {@link HashChain#payload()}). Records of ~4 KiB past 300 MiB cross several chunk starts and
     * must all link. (This did not crash the old code here: the crash also needs Chronicle to move
     * to the next chunk's mapping in the middle of a record, which a test cannot force; it guards
     * the chain across chunk starts, not that timing.)
     */
    @Test
    void recordsAcrossTheMappedChunksOfADailyFileChainAndVerify() throws Exception {
        Path dir = temp.resolve("audit");
        ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir);
        Trails.awaitOpen(trail);
        SessionHeader h = new SessionHeader(7, "bot", null, "proc", "v1");
        trail.session(h);
        String filler = "x".repeat(4000);
        int records = 80_000;
        for (int i = 0; i < records; i++) {
            AuditRecord r = under(h, i, "/big");
            r.detail.append(filler, 0, 3900 + i % 100); // lengths vary, so records straddle the chunk starts at every offset
            trail.append(r);
        }
        trail.close();

        TrailVerifier.Result r = TrailVerifier.verify(dir);
        assertNull(r.broken, r.broken);
        assertEquals(records + 2, r.excerpts); // the records, their header and the path's definition
    }

    private static AuditRecord under(SessionHeader h, long time, String target) {
        AuditRecord r = Records.allow(time, target);
        r.sessionKey = h.key;
        r.header = h;
        return r;
    }
}
