package dev.warden.agent.governor;

import dev.warden.agent.audit.ControlChannel;
import dev.warden.agent.audit.ControlMessage;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the control channel on a Warden thread and applies each message to this process: a
 * volatile write the governed calls see at once, and an audit record of what changed.
 *
 * <p><b>Messages from before the process started.</b> The channel is read from its first message,
 * so that its state is the same for every agent, whenever it started: an agent started while the
 * directory is suspended starts suspended (recorded once, as such) until someone runs
 * {@code resume}; a revoked session id stays revoked. Those old messages change state silently —
 * only what arrives while the process runs is recorded as an event. Until the channel is read
 * (about as long as the trail takes to open, ~0.5 s after start), a suspension issued earlier is
 * not yet in force; the kill-switch file has no such window.
 */
final class ControlListener implements ControlChannel.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(ControlListener.class);
    static final long POLL_MILLIS = 50;
    /** How long the listener waits for the trail to open before it opens the channel anyway. */
    private static final long TRAIL_WAIT_MILLIS = 30_000;

    private final Path auditDir;
    private final Controls controls;
    private final Recorder recorder;
    private final BooleanSupplier trailOpen;
    /** True while reading what the channel held when this process started. */
    private boolean catchingUp = true;
    private volatile boolean caughtUp;

    ControlListener(Path auditDir, Controls controls, Recorder recorder, BooleanSupplier trailOpen) {
        this.auditDir = auditDir;
        this.controls = controls;
        this.recorder = recorder;
        this.trailOpen = trailOpen;
    }

    void start() {
        WardenThreads.newThread("warden-control", this::run).start();
    }

    /** Whether the messages from before the start have been read (tests). */
    boolean caughtUp() {
        return caughtUp;
    }

    private void run() {
        // Opening a second queue while the trail's opener loads Chronicle would compete with it
        // for the start-up budget: the trail first.
        long deadline = System.currentTimeMillis() + TRAIL_WAIT_MILLIS;
        while (!trailOpen.getAsBoolean() && System.currentTimeMillis() < deadline) {
            if (!sleep(POLL_MILLIS)) {
                return;
            }
        }
        ControlChannel channel;
        try {
            channel = ControlChannel.open(auditDir);
        } catch (Exception | LinkageError e) {
            LOG.error("Warden cannot read its control channel in {}: suspend, resume, session revoke, approve and"
                    + " reject from the command line do not reach this process", auditDir, e);
            return;
        }
        try (channel) {
            while (channel.poll(this)) {
                // what was there before this process
            }
            catchingUp = false;
            caughtUp = true;
            if (controls.killSwitch.suspended()) {
                LOG.warn("Warden starts suspended (suspend --dir {}): every governed action is denied until resume", auditDir);
                record("warden.suspend", "*", "deny", "kill switch", "suspended before this process started", null);
            }
            while (true) {
                if (!channel.poll(this) && !sleep(POLL_MILLIS)) {
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.error("Warden stopped reading its control channel in {}", auditDir, e);
        }
    }

    @Override
    public void message(long index, ControlMessage m) {
        switch (m.kind) {
            case SUSPEND:
                if (controls.killSwitch.suspend(true) && !catchingUp) {
                    LOG.warn("suspended by {} from the command line: every governed action is denied until resume", m.by);
                    record("warden.suspend", "*", "deny", "kill switch", "suspended by " + m.by, null);
                }
                break;
            case RESUME:
                if (controls.killSwitch.suspend(false) && !catchingUp) {
                    LOG.warn("resumed by {} from the command line", m.by);
                    record("warden.resume", "*", "allow", "resumed", "resumed by " + m.by, null);
                }
                break;
            case REVOKE_SESSION:
                Session s = controls.sessions.revoke(m.subject);
                if (s != null && !catchingUp) {
                    LOG.warn("session {} revoked by {}: its every later action is denied", m.subject, m.by);
                    record("warden.session.revoke", m.subject, "deny", Session.REVOKED, "revoked by " + m.by, s);
                }
                break;
            case APPROVE:
            case REJECT:
                // Ids are unique: a request of another process (or one that timed out) is not here.
                controls.approvals.decide(m.subject, m.kind == ControlMessage.Kind.APPROVE, m.by);
                break;
            default:
                unreadable(index, "unhandled kind " + m.kind);
        }
    }

    @Override
    public void unreadable(long index, String problem) {
        LOG.warn("skipped control message {} in {}: {}", Long.toHexString(index), auditDir, problem);
        if (!catchingUp) {
            record("warden.control", "0x" + Long.toHexString(index), "error", "unreadable control message: " + problem,
                    "skipped", null);
        }
    }

    private void record(String action, String target, String decision, String reason, String detail, Session session) {
        String rule = action.equals("warden.control") ? "error" : action.equals("warden.session.revoke") ? "session" : "kill-switch";
        recorder.control(WardenThreads.STATE.get(), action, target, decision, rule, reason, detail, session);
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
