package dev.warden.agent.governor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.audit.AuditRecord;
import org.junit.jupiter.api.Test;

class ApprovalWebhookTest {

    @Test
    void theBodyIsThePendingRequestAndTheCommandsThatAnswerIt() throws Exception {
        AuditRecord r = new AuditRecord();
        r.timeEpochNanos = 1_795_511_702_123_456_789L;
        r.agent = "support-bot";
        r.session = "proc";
        r.namedSession = "conversation-7";
        r.thread = "tool-1";
        r.action = "mail.send";
        r.addTarget("a@example.com");
        r.addTarget("b@example.com");
        r.decision = "pending";
        r.rule = "ask";
        r.reason = "needs approval";
        r.caller = "com.acme.Tools.mail(Tools.java:9)";

        JsonNode body = new ObjectMapper().readTree(ApprovalWebhook.body(r, "0123456789ab", "/var/log/warden"));
        assertEquals("0123456789ab", body.path("approval").asText());
        assertEquals("2026-11-24T09:15:02.123456789Z", body.path("time").asText());
        assertEquals("conversation-7", body.path("session").asText());
        assertEquals("mail.send", body.path("action").asText());
        assertEquals("b@example.com", body.path("target").get(1).asText());
        assertEquals("pending", body.path("decision").asText());
        assertEquals("java -jar warden-agent.jar approve 0123456789ab --dir /var/log/warden", body.path("approve").asText());
        assertEquals("java -jar warden-agent.jar reject 0123456789ab --dir /var/log/warden", body.path("reject").asText());
    }
}
