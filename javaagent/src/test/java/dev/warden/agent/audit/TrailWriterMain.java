package dev.warden.agent.audit;

import java.nio.file.Path;

/**
 * A separate process for {@link CrossProcessTrailTest}: appends {@code count} records (the first
 * half while the queue is still opening, held in memory; the second half once it is open), says so
 * on stdout, then keeps appending one record every 10 ms until it is killed.
 */
public final class TrailWriterMain {

    private TrailWriterMain() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        ChronicleAuditTrail trail = ChronicleAuditTrail.open(dir);
        AuditRecord r = new AuditRecord();
        for (long i = 0; ; i++) {
            r.clear();
            r.timeEpochNanos = i;
            r.action = "file.read";
            r.addTarget("/data/" + i);
            r.decision = "allow";
            if (!trail.append(r)) {
                throw new IllegalStateException("append failed");
            }
            if (i == count / 2) {
                while (!trail.isOpen()) {
                    Thread.sleep(5);
                }
            }
            if (i == count - 1) {
                System.out.println("appended " + count);
                System.out.flush();
            }
            if (i >= count) {
                Thread.sleep(10);
            }
        }
    }
}
