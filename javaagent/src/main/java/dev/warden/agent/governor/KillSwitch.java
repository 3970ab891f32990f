package dev.warden.agent.governor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * {@code warden.killswitch.file}: while the file exists every governed action is denied. Checked
 * by a Warden thread every {@value #POLL_MILLIS} ms, so a governed call reads one volatile field
 * instead of making a file-system call. {@code suspend --dir D} from the command line (the control
 * channel) engages the same switch until {@code resume}, independently of the file.
 *
 * <p>The file follows a policy reload ({@link #file(Path)}): the new file is looked at at once, and
 * watched from then on; removing the key releases a switch the old file held.
 */
final class KillSwitch {

    static final long POLL_MILLIS = 100;

    private volatile Path file;
    private volatile boolean engaged;
    /** Set by the control channel: {@code suspend} / {@code resume}. */
    private volatile boolean suspended;
    /** Set by {@link #watch}: how to start the watcher thread, and what it reports. */
    private BiFunction<String, Runnable, Thread> threads;
    private Runnable onChange;
    private boolean watching;

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

    /** Starts the watcher thread (once there is a file to watch); {@code onChange} runs when the state flips. */
    synchronized void watch(BiFunction<String, Runnable, Thread> threads, Runnable onChange) {
        this.threads = threads;
        this.onChange = onChange;
        startWatching();
    }

    /** {@code warden.killswitch.file} after a reload ({@code null}: none): in force at once. */
    synchronized void file(Path next) {
        if (java.util.Objects.equals(next, file)) {
            return;
        }
        file = next;
        look();
        startWatching();
    }

    private synchronized void startWatching() {
        if (watching || file == null || threads == null) {
            return;
        }
        watching = true;
        threads.apply("warden-killswitch", () -> {
            while (true) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                look();
            }
        }).start();
    }

    /** Whether the file exists now; reports a flip. */
    private synchronized void look() {
        Path f = file;
        boolean now = f != null && Files.exists(f);
        if (now != engaged) {
            engaged = now;
            if (onChange != null) {
                onChange.run();
            }
        }
    }
}
