package dev.warden.agent.governor;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.audit.AuditRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code warden.approval.webhook}: each pending approval request is POSTed there as JSON, so that a
 * chat bot or a ticket system can notify a person. Sent from a Warden thread with the JDK
 * {@code HttpClient} (whose own threads are then Warden's too): Warden's own I/O, never governed,
 * and never delaying the waiting call — a failed POST is logged; the request still waits for
 * {@code approve}/{@code reject} or its timeout.
 */
final class ApprovalWebhook {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalWebhook.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    /** One thread, a bounded queue: a webhook that hangs cannot pile up threads or memory. */
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1000), r -> WardenThreads.newThread("warden-approval-webhook", r),
            (r, pool) -> LOG.warn("approval webhook: {}; one request was not sent",
                    pool.isShutdown() ? "replaced by a policy reload just now" : "too many requests queued"));
    private HttpClient client; // made on the sender thread

    ApprovalWebhook(String url) {
        this.url = URI.create(url);
    }

    /** Where it POSTs, as {@code warden.approval.webhook} gave it. */
    String url() {
        return url.toString();
    }

    void post(String json) {
        sender.execute(() -> send(json));
    }

    /** Replaced by a reload: sends what is queued, then its thread ends. */
    void shutdown() {
        sender.shutdown();
    }

    private void send(String json) {
        try {
            if (client == null) {
                client = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1)
                        .executor(Executors.newCachedThreadPool(WardenThreads.FACTORY)).build();
            }
            HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                LOG.warn("approval webhook {} answered HTTP {}", url, response.statusCode());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("approval webhook {} failed: {}", url, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The POST's body: the pending record's fields (as {@code audit export} names them) plus the
     * commands that answer it.
     */
    static String body(AuditRecord r, String id, String auditDir) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new ObjectMapper().getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("approval", id);
            json.writeStringField("time", Instant.ofEpochSecond(0, r.timeEpochNanos).toString());
            field(json, "agent", r.agent);
            field(json, "role", r.role);
            field(json, "session", r.namedSession != null ? r.namedSession : r.session);
            field(json, "thread", r.thread);
            field(json, "action", r.action);
            json.writeArrayFieldStart("target");
            for (int i = 0; i < r.targetCount; i++) {
                json.writeString(r.targets[i]);
            }
            json.writeEndArray();
            field(json, "decision", r.decision);
            field(json, "rule", r.rule);
            field(json, "reason", r.reason);
            if (r.detail.length() > 0) {
                json.writeStringField("detail", r.detail.toString());
            }
            field(json, "caller", r.caller);
            json.writeStringField("approve", "java -jar warden-agent.jar approve " + id + " --dir " + auditDir);
            json.writeStringField("reject", "java -jar warden-agent.jar reject " + id + " --dir " + auditDir);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void field(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }
}
