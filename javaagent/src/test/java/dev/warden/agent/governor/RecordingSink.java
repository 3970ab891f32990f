package dev.warden.agent.governor;

import dev.warden.agent.audit.AuditRecord;
import dev.warden.agent.audit.AuditSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An audit sink that keeps copies of what it is given, for tests. */
final class RecordingSink implements AuditSink {

    final List<AuditRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public boolean append(AuditRecord record) {
        records.add(record.copy());
        return true;
    }

    @Override
    public void close() {}
}
