package dev.warden.agent.governor;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code warden.killswitch.file}: while the file exists every governed action is denied. Checked
 * by a Warden thread every {@value #POLL_MILLIS} ms, so a governed call reads one volatile field
 * instead of making a file-system call. {@code suspend --dir D} from the command line (the control
 * channel) engages the same switch until {@code resume}, independently of the file.
 */
final class KillSwitch {

    static final long POLL_MILLIS = 100;

    private final Path file;
    private volatile boolean engaged;
    /** Set by the control channel: {@code suspend} / {@code resume}. */
    private volatile boolean suspended;

    KillSwitch(Path file) {
        this.file = file;
        this.engaged = file != null && Files.exists(file);
    }

    boolean engaged() {
        return engaged || suspended;
    }

    /** Whether the file exists (as last seen), whatever the control channel says. */
    boolean fileEngaged() {
        return engaged;
    }

    /** {@code suspend} (true) or {@code resume} (false) from the control channel; answers whether that changed anything. */
    boolean suspend(boolean on) {
        boolean was = suspended;
        suspended = on;
        return was != on;
    }

    boolean suspended() {
        return suspended;
    }

    /** Starts the watcher thread; {@code onChange} runs on it when the state flips. */
    void watch(java.util.function.BiFunction<String, Runnable, Thread> threads, Runnable onChange) {
        if (file == null) {
            return;
        }
        threads.apply("warden-killswitch", () -> {
            while (true) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                boolean now = Files.exists(file);
                if (now != engaged) {
                    engaged = now;
                    onChange.run();
                }
            }
        }).start();
    }
}
