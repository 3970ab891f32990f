package dev.warden.agent.governor;

import dev.warden.agent.audit.SessionHeader;
import dev.warden.policy.AuditCaller;
import dev.warden.policy.AuditLevel;
import dev.warden.policy.Failure;
import dev.warden.policy.Policy;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the {@link Recorder} takes from one policy version: the header its records name (so each
 * record names the version it was decided under) and the audit settings. Immutable; a reload makes
 * a new one.
 */
final class RecordingPolicy {

    /** {@code null} when Warden runs without a policy (an invalid one under {@code warden.failure = open}). */
    final Policy policy;
    final SessionHeader header;
    final boolean levelAll;
    final boolean callerAll;
    final boolean failClosed;
    /** {@code warden.audit.mail-subject}: subjects in full, else their length. */
    final boolean mailSubject;

    RecordingPolicy(Policy policy, Identity identity) {
        this.policy = policy;
        this.header = new SessionHeader(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE),
                identity.agent, identity.role, identity.session, policy == null ? "none" : policy.version());
        this.levelAll = policy == null || policy.settings().auditLevel() == AuditLevel.ALL;
        this.callerAll = policy != null && policy.settings().auditCaller() == AuditCaller.ALL;
        // Without a policy Warden runs only under warden.failure = open.
        this.failClosed = policy != null && policy.settings().failure() == Failure.CLOSED;
        this.mailSubject = policy != null && policy.settings().auditMailSubject();
    }
}
