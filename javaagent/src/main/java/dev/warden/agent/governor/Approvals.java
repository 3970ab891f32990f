package dev.warden.agent.governor;

import dev.warden.agent.audit.AuditRecord;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Human approval ({@code effect = approve}): the calling thread waits, bounded by
 * {@code warden.approval.timeout}, on a latch of its own until a person runs {@code approve ID} or
 * {@code reject ID}, whose message the control channel hands to {@link #decide}. The request is a
 * {@code pending} record carrying its id (and, with {@code warden.approval.webhook}, a POST); the
 * call's own record then says {@code approved} or {@code rejected} and who decided.
 *
 * <p>The timeout and the webhook are the values in force when a request is made: a policy reload
 * that changes them ({@link #configure}) applies to requests asked after it; a request already
 * waiting keeps the timeout it was asked with.
 */
final class Approvals {

    /** The approval state of one decision of a {@link CallFrame}. */
    static final int NONE = 0;
    static final int ASKING = 1;
    static final int APPROVED = 2;
    static final int REJECTED = 3;

    static final String TIMEOUT = "approval timeout";
    static final String INTERRUPTED = "interrupted while waiting for approval";

    private static final Logger LOG = LoggerFactory.getLogger(Approvals.class);

    private final ConcurrentHashMap<String, Request> pending = new ConcurrentHashMap<>();
    private volatile long timeoutNanos;
    /** {@code null}: no webhook. */
    private volatile ApprovalWebhook webhook;
    private final String auditDir;

    Approvals(java.time.Duration timeout, ApprovalWebhook webhook, String auditDir) {
        this.timeoutNanos = timeout.toNanos();
        this.webhook = webhook;
        this.auditDir = auditDir;
    }

    /**
     * {@code warden.approval.timeout} and {@code warden.approval.webhook} ({@code null}: none) for
     * the requests asked from now on. An unchanged webhook keeps its sender; a replaced one still
     * sends what it had queued.
     */
    synchronized void configure(java.time.Duration timeout, String webhookUrl) {
        timeoutNanos = timeout.toNanos();
        ApprovalWebhook old = webhook;
        if (old != null && old.url().equals(webhookUrl)) {
            return;
        }
        webhook = webhookUrl == null ? null : new ApprovalWebhook(webhookUrl);
        if (old != null) {
            old.shutdown();
        }
    }

    /** One request waiting for a person; decided once (a second approve or reject changes nothing). */
    private static final class Request {
        final CountDownLatch answered = new CountDownLatch(1);
        final AtomicBoolean decided = new AtomicBoolean();
        volatile boolean approved;
        volatile String by;
    }

    /**
     * Asks for the decisions {@code from..to} of {@code f} in state {@link #ASKING} (all allowed so
     * far) and waits for the answer, which it writes into them. On a thread that must not block
     * they are denied at once without asking.
     */
    void ask(CallFrame f, int from, int to, Recorder recorder) {
        if (NonBlockingThreads.isNonBlocking(Thread.currentThread())) {
            for (int i = from; i < to; i++) {
                if (f.approvalStates[i] == ASKING) {
                    f.decisions[i] = Outcome.DENY;
                    f.reasons[i] = NonBlockingThreads.REASON;
                    f.approvalStates[i] = NONE;
                }
            }
            return;
        }
        String id = newId();
        for (int i = from; i < to; i++) {
            if (f.approvalStates[i] == ASKING) {
                f.approvalIds[i] = id;
            }
        }
        Request request = new Request();
        pending.put(id, request);
        String answer;
        boolean approved = false;
        long timeout = timeoutNanos;
        ApprovalWebhook hook = webhook;
        try {
            AuditRecord asked = recorder.pending(WardenThreads.STATE.get(), f, from, to);
            LOG.warn("approval {} requested: {} {} (rule {}); answer with: java -jar warden-agent.jar approve {} --dir {}"
                    + " (or reject {} ...); it times out in {} s", id, asked.action, asked.targets[0], asked.rule, id,
                    auditDir, id, TimeUnit.NANOSECONDS.toSeconds(timeout));
            if (hook != null) {
                hook.post(ApprovalWebhook.body(asked, id, auditDir));
            }
            if (!request.answered.await(timeout, TimeUnit.NANOSECONDS) && request.decided.compareAndSet(false, true)) {
                answer = TIMEOUT;
            } else {
                request.answered.await(); // decided concurrently with the timeout: its answer is being written
                approved = request.approved;
                answer = (approved ? "approved by " : "rejected by ") + request.by;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = INTERRUPTED;
        } finally {
            pending.remove(id);
        }
        for (int i = from; i < to; i++) {
            if (f.approvalStates[i] == ASKING) {
                f.decisions[i] = approved ? Outcome.ALLOW : Outcome.DENY;
                f.reasons[i] = answer;
                f.approvalStates[i] = approved ? APPROVED : REJECTED;
            }
        }
        // The call's own record times the call itself, not the wait.
        f.startNanos = System.nanoTime();
    }

    /**
     * A person's answer from the control channel; answers whether a call of this process was
     * waiting for it (ids are unique, so another process's request is simply not here).
     */
    boolean decide(String id, boolean approved, String by) {
        Request r = pending.get(id);
        if (r == null || !r.decided.compareAndSet(false, true)) {
            return false;
        }
        r.approved = approved;
        r.by = by;
        r.answered.countDown();
        return true;
    }

    /** How many calls wait now (tests). */
    int waiting() {
        return pending.size();
    }

    /** 12 hexadecimal digits: short enough to type, 48 random bits keep processes' ids apart. */
    static String newId() {
        long bits = ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFF_FFFFL;
        return String.format("%012x", bits);
    }
}
