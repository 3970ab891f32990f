package dev.warden.agent.metrics;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * {@code warden.metrics.port}: the counters of {@link Metrics} in Prometheus' text format at
 * {@code http://<warden.metrics.bind>:<port>/metrics} (default bind 127.0.0.1: the counters name
 * rules and agents, so they are not for the world). Served by the JDK's own HTTP server on a
 * Warden thread, whose I/O is not governed.
 */
public final class PrometheusEndpoint {

    private final HttpServer server;

    private PrometheusEndpoint(HttpServer server) {
        this.server = server;
    }

    public static PrometheusEndpoint start(Metrics metrics, String bind, int port, Executor warden) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = text(metrics).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(warden);
        server.start();
        return new PrometheusEndpoint(server);
    }

    /** The port the endpoint listens on (the configured one, or the one chosen for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    static String text(Metrics m) {
        String agent = "agent=\"" + escape(m.agent) + "\"";
        StringBuilder b = new StringBuilder(1024);
        b.append("# HELP warden_decisions_total Governed decisions by action family and decision.\n");
        b.append("# TYPE warden_decisions_total counter\n");
        for (Map.Entry<String, Long> e : m.decisions().entrySet()) {
            String[] fd = e.getKey().split("/", 2);
            b.append("warden_decisions_total{").append(agent).append(",family=\"").append(fd[0])
                    .append("\",decision=\"").append(fd[1]).append("\"} ").append(e.getValue()).append('\n');
        }
        b.append("# HELP warden_denials_total Denials by the rule or mechanism that decided them.\n");
        b.append("# TYPE warden_denials_total counter\n");
        for (Map.Entry<String, Long> e : m.denialsByRule().entrySet()) {
            b.append("warden_denials_total{").append(agent).append(",rule=\"").append(escape(e.getKey())).append("\"} ")
                    .append(e.getValue()).append('\n');
        }
        b.append("# HELP warden_limit_used Permits of a rule's limit taken in the current window.\n");
        b.append("# TYPE warden_limit_used gauge\n");
        b.append("# HELP warden_limit_count The N of a rule's limit N/window.\n");
        b.append("# TYPE warden_limit_count gauge\n");
        m.limits().forEach((rule, u) -> {
            String labels = agent + ",rule=\"" + escape(rule) + "\",limit=\"" + u.limit() + "\"";
            b.append("warden_limit_used{").append(labels).append("} ").append(u.used()).append('\n');
            b.append("warden_limit_count{").append(labels).append("} ").append(u.count()).append('\n');
        });
        String breaker = m.breaker();
        b.append("# HELP warden_breaker_open Whether the circuit breaker has suspended the agent (1) or not (0).\n");
        b.append("# TYPE warden_breaker_open gauge\n");
        b.append("warden_breaker_open{").append(agent).append("} ").append(breaker.startsWith("open") ? 1 : 0).append('\n');
        return b.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
