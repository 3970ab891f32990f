package dev.warden.agent.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fallback when the audit trail cannot be written and {@code warden.failure = open}: each
 * record goes to Warden's log (stderr) as an {@code audit tail} line, so that nothing is lost
 * silently. It allocates and is slow; it is for a broken installation, not for production.
 */
public final class LogAuditSink implements AuditSink {

    private static final Logger LOG = LoggerFactory.getLogger("warden.audit");

    @Override
    public boolean append(AuditRecord record) {
        try {
            // WARN: the level Warden's log prints by default (an unwritable trail is worth seeing).
            LOG.warn("{}", AuditText.line(record));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean isTrail() {
        return false;
    }

    @Override
    public void close() {
    }
}
