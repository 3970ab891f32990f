package dev.warden.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The records of an audit directory, as {@code java -jar warden-agent.jar audit export} prints them. */
final class AuditTrail {

    private static final ObjectMapper JSON = new ObjectMapper();
    final List<JsonNode> records;

    private AuditTrail(List<JsonNode> records) {
        this.records = records;
    }

    static AuditTrail export(Path jdk, Path dir) throws Exception {
        ChildJvm.Result r = ChildJvm.cli(jdk, "audit", "export", "--dir", dir.toString());
        if (r.exitCode() != 0) {
            throw new AssertionError("audit export failed (" + r.exitCode() + "): " + r.stderr());
        }
        List<JsonNode> records = new ArrayList<>();
        for (String line : r.stdout()) {
            if (!line.isBlank()) {
                records.add(JSON.readTree(line));
            }
        }
        return new AuditTrail(records);
    }

    List<JsonNode> where(Predicate<JsonNode> p) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : records) {
            if (p.test(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** The records about {@code action} on {@code target}. */
    List<JsonNode> about(String action, String target) {
        return where(n -> action.equals(n.path("action").asText()) && target.equals(targetOf(n)));
    }

    JsonNode only(String action, String target) {
        List<JsonNode> found = about(action, target);
        if (found.size() != 1) {
            throw new AssertionError("expected one record of " + action + " " + target + ", found " + found.size() + ": " + records);
        }
        return found.get(0);
    }

    static String targetOf(JsonNode n) {
        JsonNode t = n.path("target");
        return t.isArray() ? t.get(0).asText() : t.asText();
    }

    @Override
    public String toString() {
        return records.toString();
    }
}
