package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** The control commands as an operator runs them, and waiting for the agent to act on them. */
final class Control {

    private Control() {}

    /** Runs {@code java -jar warden-agent.jar args}, which must succeed. */
    static ChildJvm.Result ok(Path jdk, String... args) throws Exception {
        ChildJvm.Result r = ChildJvm.cli(jdk, args);
        assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r);
        return r;
    }

    /**
     * Waits (at most 30 s) for a record matching {@code p} in the trail, and returns the last such:
     * the agent reads the control channel on its own thread, and the test must not race it.
     */
    static JsonNode awaitRecord(Path jdk, Path audit, Predicate<JsonNode> p) throws Exception {
        return awaitRecords(jdk, audit, p, 1);
    }

    /** As {@link #awaitRecord}, until there are {@code count} such records (a second reload, …). */
    static JsonNode awaitRecords(Path jdk, Path audit, Predicate<JsonNode> p, int count) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(audit.resolve("metadata.cq4t"))) { // the agent opens its trail ~0.5 s after start
                List<JsonNode> found = AuditTrail.export(jdk, audit).where(p);
                if (found.size() >= count) {
                    return found.get(found.size() - 1);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(count + " such records not in " + audit + " within 30 s: " + AuditTrail.export(jdk, audit));
    }

    /** A {@code policy.reload} the agent made (decision {@code allow}): the {@code count}-th, once it is in the trail. */
    static JsonNode awaitReload(Path jdk, Path audit, int count) throws Exception {
        return awaitRecords(jdk, audit, n -> n.path("action").asText().equals("policy.reload")
                && n.path("decision").asText().equals("allow"), count);
    }

    /** The file tool prints READY at each {@code await}: waits for the second one. */
    static void awaitSecondReady(ChildJvm child) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (child.stdout().stream().filter("READY"::equals).count() < 2) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no second READY: " + child.stdout());
            }
            Thread.sleep(20);
        }
    }
}
