package dev.warden.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aFullRecordHasEveryFieldOfTheContractInOrder() throws Exception {
        AuditRecord r = Records.full();
        r.seq = 1042;
        JsonNode json = MAPPER.readTree(AuditJson.toJson(r));
        assertEquals(List.of("seq", "time", "agent", "role", "session", "thread", "action", "target", "denied",
                "decision", "rule", "policy", "reason", "detail", "outcome", "error", "duration_ns", "caller", "monitor"),
                fieldNames(json));
        assertEquals(1042, json.get("seq").asLong());
        assertEquals("2026-11-24T09:15:02.123456789Z", json.get("time").asText());
        assertTrue(json.get("target").isArray(), "several targets are an array");
        assertEquals("ünïcødé@example.com", json.get("target").get(2).asText());
        assertEquals("x@evil.test", json.get("denied").get(0).asText());
        assertEquals(183_000, json.get("duration_ns").asLong());
        assertEquals("watch-mail", json.get("monitor").get(0).asText());
    }

    @Test
    void nullAndEmptyFieldsAreLeftOutAndOneTargetIsAString() throws Exception {
        AuditRecord r = Records.allow(1_795_511_702_000_000_000L, "/srv/kb/a.md");
        r.durationNs = -1;
        JsonNode json = MAPPER.readTree(AuditJson.toJson(r));
        assertEquals(List.of("seq", "time", "agent", "session", "thread", "action", "target", "decision", "rule",
                "policy", "outcome"), fieldNames(json));
        assertEquals("/srv/kb/a.md", json.get("target").asText());
        assertEquals("2026-11-24T09:15:02.000000000Z", json.get("time").asText(), "always nine digits");
        assertFalse(json.has("role"));
    }

    @Test
    void writeProducesOneObjectPerLine() throws Exception {
        StringWriter out = new StringWriter();
        try (AuditJson json = new AuditJson(out)) {
            json.write(Records.allow(1, "/a"));
            json.write(Records.full());
        }
        String[] lines = out.toString().split("\n", -1);
        assertEquals(3, lines.length);
        assertEquals("", lines[2]);
        assertEquals("/a", MAPPER.readTree(lines[0]).get("target").asText());
        assertEquals("deny", MAPPER.readTree(lines[1]).get("decision").asText());
    }

    @Test
    void textLinesReadLikeTheExample() {
        AuditRecord r = new AuditRecord();
        r.timeEpochNanos = 1_795_511_702_123_456_789L;
        r.action = "file.read";
        r.addTarget("/etc/passwd");
        r.decision = "deny";
        r.rule = "default";
        r.reason = "no rule allows this";
        r.outcome = "blocked";
        r.caller = "com.acme.Tools.read(Tools.java:42)";
        assertEquals("2026-11-24T09:15:02.123Z  DENY   file.read /etc/passwd  rule=default  \"no rule allows this\""
                + "  blocked  caller=com.acme.Tools.read(Tools.java:42)", AuditText.line(r));
        assertEquals("2026-11-24T09:15:02.000Z  ALLOW  file.read /srv/a  rule=docs  ok  4us",
                AuditText.line(Records.allow(1_795_511_702_000_000_000L, "/srv/a")));
    }
}
