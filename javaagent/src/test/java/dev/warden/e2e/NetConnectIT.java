package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code net.connect} under every socket API, outside any HTTP request: a connect needs an allow rule
 * (or {@code warden.net.default}), a deny rule always wins, and a denied connect is an
 * {@code IOException} with policy.md's message — the same for TCP, UDP and Unix-domain sockets.
 */
class NetConnectIT {

    @TempDir
    Path temp;

    static List<Path> jdks() {
        return Jdks.all();
    }

    private static final List<String> TCP = List.of("socket", "channel", "channel-nonblocking", "channel-socket",
            "async-channel", "async-channel-handler");
    private static final List<String> UDP = List.of("udp-connect", "udp-send", "datagram-socket-send", "datagram-socket-connect");

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void everySocketApiIsDecided(Path jdk) throws Exception {
        Path unix = temp.resolve("agent.sock");
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket closed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket unlisted = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocketChannel unixServer = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            unixServer.bind(UnixDomainSocketAddress.of(unix));
            int ok = open.getLocalPort();
            int no = closed.getLocalPort();
            int none = unlisted.getLocalPort();
            HttpToolRun run = new HttpToolRun(temp).policy(
                    "warden.rule.tools.actions = net.connect",
                    "warden.rule.tools.targets = 127.0.0.0/8:" + ok + ", unix:" + unix.toRealPath(),
                    "warden.rule.tools.effect = allow",
                    "warden.rule.closed.actions = net.connect",
                    "warden.rule.closed.targets = 127.0.0.1:" + no,
                    "warden.rule.closed.effect = deny",
                    "warden.rule.closed.reason = not this port");
            List<String> steps = new ArrayList<>();
            for (String kind : TCP) {
                steps.addAll(List.of(kind + "|127.0.0.1|" + ok, kind + "|127.0.0.1|" + no, kind + "|127.0.0.1|" + none));
            }
            for (String kind : UDP) {
                steps.addAll(List.of(kind + "|127.0.0.1|" + ok, kind + "|127.0.0.1|" + no, kind + "|127.0.0.1|" + none));
            }
            steps.add("unix|" + unix.toRealPath());
            steps.add("unix|" + temp.toRealPath().resolve("other.sock"));

            ChildJvm.Result r = run.run(jdk, false, List.of(), steps);
            for (String kind : TCP) {
                assertTrue(r.line("OK " + kind + "|127.0.0.1|" + ok).endsWith("connected"), r.toString());
            }
            for (String kind : UDP) {
                assertTrue(r.line("OK " + kind + "|127.0.0.1|" + ok).endsWith("sent"), r.toString());
            }
            for (String kind : concat(TCP, UDP)) {
                assertDenied(r, kind + "|127.0.0.1|" + no, "Warden denied net.connect 127.0.0.1:" + no + ": not this port (rule closed)");
                assertDenied(r, kind + "|127.0.0.1|" + none, "Warden denied net.connect 127.0.0.1:" + none + ": no rule allows this (default)");
            }
            assertTrue(r.line("OK unix|" + unix.toRealPath()).endsWith("connected"), r.toString());
            assertDenied(r, "unix|" + temp.toRealPath().resolve("other.sock"),
                    "Warden denied net.connect unix:" + temp.toRealPath().resolve("other.sock") + ": no rule allows this (default)");

            AuditTrail trail = run.trail(jdk);
            List<com.fasterxml.jackson.databind.JsonNode> allowed = trail.about("net.connect", "127.0.0.1:" + ok);
            assertEquals(TCP.size() + UDP.size(), allowed.size(), allowed.toString());
            for (com.fasterxml.jackson.databind.JsonNode n : allowed) {
                assertEquals("allow", n.path("decision").asText());
                assertEquals("tools", n.path("rule").asText());
            }
            assertEquals(TCP.size() + UDP.size(), trail.about("net.connect", "127.0.0.1:" + no).size(), trail.toString());
            assertEquals("deny", trail.about("net.connect", "127.0.0.1:" + none).get(0).path("decision").asText());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void assertDenied(ChildJvm.Result r, String step, String message) {
        String line = r.line("ERR " + step + " ");
        assertTrue(line.contains(message), line);
        String type = line.substring(("ERR " + step + " ").length(), line.indexOf(':', ("ERR " + step + " ").length()));
        assertTrue(HttpClientsIT.IO_EXCEPTIONS.contains(type) || type.equals("java.net.SocketException")
                || type.equals("java.io.UncheckedIOException"), line);
    }
}
