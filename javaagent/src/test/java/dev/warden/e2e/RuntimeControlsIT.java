package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.tools.attach.VirtualMachine;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7's controls that need no control channel, under the real agent on JDK 17 and 25: a rule's
 * {@code limit} exact under 8 threads, the circuit breaker suspending and resuming the agent, and
 * the metrics over JMX and Prometheus.
 */
class RuntimeControlsIT {

    @TempDir
    Path temp;

    static Stream<Path> jdks() {
        return Jdks.all().stream();
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("jdks")
    void rateLimitIsExactUnderEightThreads(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp);
        ws.policy("warden.rule.kb.limit = 100/1h");
        String doc = ws.kb.resolve("doc.txt").toString();

        ChildJvm.Result r = ws.run(jdk, "threads:8:50:fis-read:" + doc);

        assertEquals("OK threads:8:50:fis-read:" + doc + " ok=100 err=300", r.line("OK threads"), r.toString());
        AuditTrail trail = ws.trail(jdk);
        assertEquals(300, trail.where(n -> n.path("reason").asText().equals("rate limit")).size());
        assertEquals(300, trail.where(n -> n.path("decision").asText().equals("deny")
                && n.path("rule").asText().equals("kb")).size());
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("jdks")
    void breakerSuspendsTheAgentAfterTooManyFailuresAndResumesAfterTheCooldown(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp);
        ws.policy("warden.breaker.errors = 3/1m", "warden.breaker.cooldown = 2s");
        String doc = ws.kb.resolve("doc.txt").toString();
        String missing = ws.kb.resolve("missing.txt").toString();

        ChildJvm.Result r = ws.run(jdk, "fis-read:" + missing, "fis-read:" + missing, "fis-read:" + missing,
                "fis-read:" + doc, "fis-read:" + missing, "fis-read:" + doc, "sleep:2500", "fis-read:" + doc);

        List<String> out = r.stdout();
        for (int i = 0; i < 3; i++) {
            assertTrue(out.get(i).startsWith("ERR fis-read:" + missing + " java.io.FileNotFoundException: " + missing), out.toString());
        }
        // three failures are within 3/1m; the call after them still works, the fourth failure opens the circuit
        assertEquals("OK fis-read:" + doc + " knowledge", out.get(3));
        assertTrue(out.get(4).startsWith("ERR fis-read:" + missing + " java.io.FileNotFoundException: " + missing), out.toString());
        assertEquals("ERR fis-read:" + doc + " java.io.FileNotFoundException: "
                + Workspace.message("file.read", doc, "circuit open", "circuit-breaker"), out.get(5));
        assertEquals("OK fis-read:" + doc + " knowledge", out.get(6), "after the cooldown");

        AuditTrail trail = ws.trail(jdk);
        List<JsonNode> breaker = trail.where(n -> n.path("action").asText().equals("warden.breaker"));
        assertEquals(2, breaker.size(), trail.toString());
        assertEquals("deny", breaker.get(0).path("decision").asText());
        assertEquals("circuit open", breaker.get(0).path("reason").asText());
        assertEquals("circuit-breaker", breaker.get(0).path("rule").asText());
        assertEquals("allow", breaker.get(1).path("decision").asText());
        assertEquals("circuit closed", breaker.get(1).path("reason").asText());
        JsonNode refused = trail.where(n -> n.path("reason").asText().equals("circuit open")
                && n.path("action").asText().equals("file.read")).get(0);
        assertEquals("deny", refused.path("decision").asText());
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("jdks")
    void metricsOverPrometheusAndJmx(Path jdk) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Workspace ws = new Workspace(temp);
        ws.policy("warden.metrics.port = " + port, "warden.rule.kb.limit = 10/1h");
        String doc = ws.kb.resolve("doc.txt").toString();
        String key = ws.secret.resolve("key.txt").toString();

        try (ChildJvm child = ws.start(jdk, List.of(), "fis-read:" + doc, "fis-read:" + doc, "fis-read:" + key, "await")) {
            child.waitForLine("READY", 60);
            String text = scrape(port);
            assertTrue(text.contains("warden_decisions_total{agent=\"file-tool-test\",family=\"file\",decision=\"allow\"} 2"), text);
            assertTrue(text.contains("warden_decisions_total{agent=\"file-tool-test\",family=\"file\",decision=\"deny\"} 1"), text);
            assertTrue(text.contains("warden_denials_total{agent=\"file-tool-test\",rule=\"default\"} 1"), text);
            assertTrue(text.contains("warden_limit_used{agent=\"file-tool-test\",rule=\"kb\",limit=\"10/1h\"} 2"), text);
            assertTrue(text.contains("warden_breaker_open{agent=\"file-tool-test\"} 0"), text);

            VirtualMachine vm = VirtualMachine.attach(Long.toString(child.pid()));
            try {
                String address = vm.startLocalManagementAgent();
                try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                    MBeanServerConnection server = jmx.getMBeanServerConnection();
                    ObjectName name = new ObjectName("dev.warden:type=Agent,name=\"file-tool-test\"");
                    TabularData decisions = (TabularData) server.getAttribute(name, "Decisions");
                    assertEquals(2L, decisions.get(new Object[] {"file/allow"}).get("value"));
                    assertEquals(1L, decisions.get(new Object[] {"file/deny"}).get("value"));
                    TabularData limits = (TabularData) server.getAttribute(name, "Limits");
                    assertEquals("2/10/1h", limits.get(new Object[] {"kb"}).get("value"));
                    assertEquals("off", server.getAttribute(name, "Breaker"));
                }
            } finally {
                vm.detach();
            }
            child.sendLine("go");
            child.await(60);
        }
    }

    /** The endpoint appears a few seconds after start-up (see README, Metrics): retried for up to 15 s. */
    private static String scrape(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode());
                return r.body();
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(200);
            }
        }
    }
}
