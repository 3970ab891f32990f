package dev.warden.agent.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

/**
 * A record as {@code audit export} prints it: one JSON object, with the field names of
 * {@code shared/design/audit.md} in that order. Fields that do not apply ({@code null}, an empty
 * {@code detail} or {@code denied}, an unknown duration) are left out rather than written as null.
 * {@code target} is a string for one target and an array for several.
 */
public final class AuditJson implements AutoCloseable {

    private final JsonGenerator json;

    /** Writes to {@code out}, one record per line; {@link #flush()} or {@link #close()} when done. */
    public AuditJson(Writer out) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        this.json = mapper.getFactory().createGenerator(out);
        // Each object ends its own line (see write), so no root separator between them.
        json.setRootValueSeparator(null);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** One record as a JSON string, without a line end. */
    public static String toJson(AuditRecord r) {
        StringWriter out = new StringWriter();
        try (AuditJson json = new AuditJson(out)) {
            json.writeObject(r);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** Writes {@code r} followed by a line end. */
    public void write(AuditRecord r) throws IOException {
        writeObject(r);
        json.writeRaw('\n');
    }

    private void writeObject(AuditRecord r) throws IOException {
        json.writeStartObject();
        json.writeNumberField("seq", r.seq);
        json.writeStringField("time", AuditTimes.nanos(r.timeEpochNanos));
        string("agent", r.agent);
        string("role", r.role);
        string("session", r.session);
        string("thread", r.thread);
        string("action", r.action);
        if (r.targetCount == 1) {
            string("target", r.targets[0]);
        } else if (r.targetCount > 1) {
            array("target", r.targets, r.targetCount);
        }
        if (r.deniedCount > 0) {
            array("denied", r.denied, r.deniedCount);
        }
        string("decision", r.decision);
        string("rule", r.rule);
        string("policy", r.policy);
        string("reason", r.reason);
        string("approval", r.approval);
        if (r.detail.length() > 0) {
            json.writeStringField("detail", r.detail.toString());
        }
        string("outcome", r.outcome);
        string("error", r.error);
        if (r.durationNs >= 0) {
            json.writeNumberField("duration_ns", r.durationNs);
        }
        string("caller", r.caller);
        if (r.monitor != null) {
            array("monitor", r.monitor, r.monitor.length);
        }
        json.writeEndObject();
    }

    private void string(String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private void array(String name, String[] values, int count) throws IOException {
        json.writeArrayFieldStart(name);
        for (int i = 0; i < count; i++) {
            json.writeString(values[i]);
        }
        json.writeEndArray();
    }

    public void flush() throws IOException {
        json.flush();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
