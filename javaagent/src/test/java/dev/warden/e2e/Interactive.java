package dev.warden.e2e;

import java.util.concurrent.TimeUnit;

/** A file tool started with the {@code interactive} step: one step a line, one answer a line. */
final class Interactive implements AutoCloseable {

    final ChildJvm child;

    Interactive(ChildJvm child) throws InterruptedException {
        this.child = child;
        child.waitForLine("READY", 60);
    }

    /** Runs {@code step} in the child and returns its answer ({@code OK …} or {@code ERR …}). */
    String ask(String step) throws Exception {
        int before = child.stdout().size();
        child.sendLine(step);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (child.stdout().size() > before) {
                return child.stdout().get(before);
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no answer to " + step + "; stdout=" + child.stdout());
    }

    /**
     * Asks {@code step} until the answer starts with {@code prefix}; returns the milliseconds that
     * took, failing after {@code maxMillis}.
     */
    long millisUntil(String step, String prefix, long maxMillis) throws Exception {
        long start = System.nanoTime();
        String last;
        do {
            last = ask(step);
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (last.startsWith(prefix)) {
                return elapsed;
            }
            if (elapsed > maxMillis) {
                throw new AssertionError("still '" + last + "' after " + elapsed + " ms");
            }
            Thread.sleep(10);
        } while (true);
    }

    /** Ends the loop and waits for the child to exit. */
    ChildJvm.Result stop() throws Exception {
        child.sendLine("stop");
        return child.await(60);
    }

    @Override
    public void close() {
        child.close();
    }
}
