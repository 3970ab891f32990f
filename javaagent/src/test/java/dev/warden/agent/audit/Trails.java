package dev.warden.agent.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;

/** Helpers for tests that write and read trails. */
final class Trails {

    private Trails() {}

    /** Every record in {@code dir}, copied. */
    static List<AuditRecord> readAll(Path dir) throws IOException {
        List<AuditRecord> records = new ArrayList<>();
        try (AuditReader reader = AuditReader.open(dir)) {
            reader.readAll(r -> records.add(r.copy()));
        }
        return records;
    }

    /** Threads that start the queue's background open only once {@code gate} is counted down. */
    static ThreadFactory heldBy(CountDownLatch gate) {
        return body -> new Thread(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                return;
            }
            body.run();
        });
    }

    /** Waits (at most 10 s) until the trail's queue is open. */
    static void awaitOpen(ChronicleAuditTrail trail) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!trail.isOpen()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the trail did not open within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
