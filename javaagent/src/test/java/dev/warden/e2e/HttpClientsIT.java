package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every HTTP client an AI agent uses, unmodified under the real agent jar on JDK 17 and 25, against
 * real servers on loopback: an allowed server, a TLS server (both also as HTTP/2-only servers, for
 * the HTTP/2 client), a proxy, and a forbidden server that must never see a connection. One child
 * JVM per client runs every scenario; the test then checks each answer, what the servers received
 * and the audit trail.
 */
class HttpClientsIT {

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    static LoopbackHttpServer allowed;
    static LoopbackHttpServer tls;
    static LoopbackHttpServer proxy;
    static LoopbackHttpServer forbidden;
    /** The allowed and the TLS server again, speaking HTTP/2 only, for the HTTP/2 client. */
    static LoopbackH2Server allowedH2;
    static LoopbackH2Server tlsH2;
    static TestCertificate cert;

    /** The IOException types a denied request surfaces as: policy.md's {@code java.io.IOException}, a subclass. */
    static final Set<String> IO_EXCEPTIONS = Set.of("java.io.IOException", "java.net.ConnectException",
            "dev.warden.agent.governor.WardenConnectException");

    @BeforeAll
    static void servers() throws Exception {
        cert = TestCertificate.create(shared);
        allowed = LoopbackHttpServer.http();
        tls = LoopbackHttpServer.https(cert);
        proxy = LoopbackHttpServer.http();
        forbidden = LoopbackHttpServer.http();
        allowedH2 = LoopbackH2Server.cleartext();
        tlsH2 = LoopbackH2Server.tls(cert);
    }

    @AfterAll
    static void stop() throws Exception {
        for (LoopbackServer s : new LoopbackServer[] {allowed, tls, proxy, forbidden, allowedH2, tlsH2}) {
            s.close();
        }
        assertEquals(0, forbidden.connections(), "the forbidden server saw a connection: " + forbidden.requests());
    }

    /**
     * Apache HttpClient 5's minimal clients follow no redirect and take no proxy (they have no exec
     * chain): a redirect is the caller's answer, and the proxy scenario is not theirs.
     */
    private static boolean minimal(String client) {
        return client.startsWith("apache5-minimal");
    }

    /** The allowed server the client can speak to: the HTTP/2-only client ({@code createHttp2Minimal()}) needs an HTTP/2 server. */
    private static LoopbackServer allowedFor(String client) {
        return client.endsWith("-h2") ? allowedH2 : allowed;
    }

    static Stream<Arguments> clients() {
        List<Arguments> out = new ArrayList<>();
        for (Path jdk : Jdks.all()) {
            for (String client : List.of("urlconn", "jdk", "jdk-async", "okhttp", "okhttp-async", "okhttp5", "okhttp5-async",
                    "apache5", "apache5-async", "apache5-minimal", "apache5-minimal-async", "apache5-minimal-h2",
                    "apache4", "apache4-legacy", "netty")) {
                out.add(Arguments.of(client, jdk));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("clients")
    void governsEveryRequestOfTheClient(String client, Path jdk) throws Exception {
        boolean okhttp5 = client.startsWith("okhttp5");
        String step = okhttp5 ? client.replace("okhttp5", "okhttp") : client;
        boolean minimal = minimal(client);
        LoopbackServer allowedServer = allowedFor(client);
        String a = allowedServer.base();
        String f = forbidden.base();
        String t = (client.endsWith("-h2") ? tlsH2 : tls).base();
        String tag = "/" + client + "-" + Jdks.feature(jdk);
        HttpToolRun run = new HttpToolRun(temp).policy(
                "warden.propagate = true",
                "warden.rule.api.actions = http.GET, http.POST",
                "warden.rule.api.targets = " + a + "/api/**, " + a + "/redirect, " + t + "/api/**, http://crm.example.test/api/**, "
                        + "http://localhost:*/api/**",
                "warden.rule.api.effect = allow",
                "warden.rule.no-forbidden.actions = net.connect",
                "warden.rule.no-forbidden.targets = 127.0.0.0/8:" + forbidden.port() + ", [::1]:" + forbidden.port(),
                "warden.rule.no-forbidden.effect = deny",
                "warden.rule.no-forbidden.reason = the forbidden server",
                // Netty's own resolver reads these (the JDK's reads them in native code, unseen)
                "warden.rule.resolver-files.actions = file.read",
                "warden.rule.resolver-files.targets = /etc/hosts, /etc/resolv.conf",
                "warden.rule.resolver-files.effect = allow");
        List<String> steps = new ArrayList<>(List.of(
                step + "|GET|" + a + "/api/hello" + tag + "|baggage=app=1",
                step + "|GET|" + f + "/secret" + tag,
                step + "|GET|" + a + "/redirect?to=" + f + "/secret" + tag,
                step + "|GET|" + a + "/redirect?to=" + a + "/api/after" + tag,
                step + "|POST|" + a + "/api/post" + tag + "|body=hello",
                step + "|GET|" + t + "/api/tls" + tag,
                step + "|GET|" + "https://127.0.0.1:" + forbidden.port() + "/api/tls" + tag,
                step + "|GET|http://localhost:" + forbidden.port() + "/api/connect" + tag));
        if (!minimal) {
            steps.add(step + "|GET|http://crm.example.test/api/proxied" + tag + "|proxy=" + proxy.port());
        }
        String unsent = step + "|GET|" + a + "/api/unsent" + tag + "|closed-pool";
        if (client.equals("apache5-minimal-async")) {
            steps.add(unsent);
        }

        ChildJvm.Result r = run.run(jdk, okhttp5, cert.trustFlags(), steps);
        String why = r.stdout() + "\nstderr: " + r.stderr();

        // 1. allowed, with Warden's identity merged into the application's baggage
        assertEquals("OK " + steps.get(0) + " 200 hello GET /api/hello" + tag, r.line("OK " + steps.get(0)), why);
        LoopbackHttpServer.Request hello = only(allowedServer, "/api/hello" + tag);
        String baggage = hello.header("baggage");
        assertTrue(baggage != null && baggage.startsWith("app=1,warden.agent=http-tool-test,warden.session="), "baggage: " + baggage);
        // 2. denied, with policy.md's message; 3. a redirect to the forbidden server, decided again
        String deniedMessage = "Warden denied http.GET " + f + "/secret" + tag + ": no rule allows this (default)";
        assertDenied(r, steps.get(1), deniedMessage);
        if (minimal) {
            // A minimal client follows no redirect: the 302 is the caller's answer, its Location never asked
            assertEquals("OK " + steps.get(2) + " 302 hello GET /redirect?to=" + f + "/secret" + tag, r.line("OK " + steps.get(2)), why);
        } else {
            assertDenied(r, steps.get(2), deniedMessage);
        }
        // 4. an allowed redirect; 5. a POST; 6. HTTPS with a certificate the JVM trusts
        assertEquals(minimal ? "OK " + steps.get(3) + " 302 hello GET /redirect?to=" + a + "/api/after" + tag
                : "OK " + steps.get(3) + " 200 hello GET /api/after" + tag, r.line("OK " + steps.get(3)), why);
        assertEquals("OK " + steps.get(4) + " 200 hello POST /api/post" + tag, r.line("OK " + steps.get(4)), why);
        assertEquals("hello", only(allowedServer, "/api/post" + tag).body());
        assertEquals("OK " + steps.get(5) + " 200 hello GET /api/tls" + tag, r.line("OK " + steps.get(5)), why);
        // 7. HTTPS to a server no rule names
        assertDenied(r, steps.get(6), "Warden denied http.GET https://127.0.0.1:" + forbidden.port() + "/api/tls" + tag
                + ": no rule allows this (default)");
        // 8. an allowed URL whose address a net.connect deny rule names: refused at the connect
        String connectErr = r.line("ERR " + steps.get(7));
        assertTrue(connectErr.contains("Warden denied net.connect 127.0.0.1:" + forbidden.port() + ": the forbidden server (rule no-forbidden)")
                || connectErr.contains("Warden denied net.connect [::1]:" + forbidden.port() + ": the forbidden server (rule no-forbidden)"), connectErr);
        // 9. through a proxy: decided by the URL requested, the proxy's connect part of it (not for a minimal client: it takes none)
        if (!minimal) {
            assertEquals("OK " + steps.get(8) + " 200 hello GET /api/proxied" + tag, r.line("OK " + steps.get(8)), why);
            assertTrue(proxy.requests().stream().anyMatch(q -> q.target().endsWith("/api/proxied" + tag)), proxy.requests().toString());
        }
        assertEquals(0, forbidden.connections(), "the forbidden server saw a connection: " + forbidden.requests());

        AuditTrail trail = run.trail(jdk);
        JsonNode ok = trail.only("http.GET", a + "/api/hello" + tag);
        assertEquals("allow", ok.path("decision").asText(), ok.toString());
        assertEquals("api", ok.path("rule").asText());
        assertEquals("ok", ok.path("outcome").asText(), ok.toString());
        assertEquals("GET, status 200", ok.path("detail").asText(), ok.toString());
        assertTrue(ok.path("duration_ns").asLong() > 0, ok.toString());
        List<JsonNode> denials = trail.about("http.GET", f + "/secret" + tag);
        assertEquals(minimal ? 1 : 2, denials.size(), "each denied request decided once: " + denials);
        for (JsonNode d : denials) {
            assertEquals("deny", d.path("decision").asText());
            assertEquals("default", d.path("rule").asText());
            assertEquals("blocked", d.path("outcome").asText());
        }
        List<JsonNode> redirects = trail.about("http.GET", a + "/redirect");
        assertEquals(2, redirects.size(), redirects.toString());
        assertTrue(redirects.stream().allMatch(n -> n.path("decision").asText().equals("allow")), redirects.toString());
        assertTrue(redirects.stream().anyMatch(n -> n.path("detail").asText().equals("GET, status 302")), redirects.toString());
        if (minimal) {
            assertTrue(redirects.stream().allMatch(n -> n.path("detail").asText().equals("GET, status 302")), redirects.toString());
            assertEquals(List.of(), trail.about("http.GET", a + "/api/after" + tag), "a minimal client followed a redirect");
        } else {
            assertEquals("GET, status 200", trail.only("http.GET", a + "/api/after" + tag).path("detail").asText());
        }
        JsonNode post = trail.only("http.POST", a + "/api/post" + tag);
        assertTrue(post.path("detail").asText().startsWith("POST") && post.path("detail").asText().endsWith("status 200"), post.toString());
        assertEquals("GET, status 200", trail.only("http.GET", t + "/api/tls" + tag).path("detail").asText());
        if (!minimal) {
            assertEquals("allow", trail.only("http.GET", "http://crm.example.test:80/api/proxied" + tag).path("decision").asText());
        }
        if (client.equals("apache5-minimal-async")) {
            // 10. allowed, then refused by the client at once (its pool closed): recorded all the same
            assertTrue(r.line("ERR " + unsent + " ").contains("java.lang.IllegalStateException: Connection pool shut down"), why);
            JsonNode failed = trail.only("http.GET", a + "/api/unsent" + tag);
            assertEquals("allow", failed.path("decision").asText(), failed.toString());
            assertEquals("failed", failed.path("outcome").asText(), failed.toString());
            assertEquals("java.lang.IllegalStateException: Connection pool shut down", failed.path("error").asText(), failed.toString());
        }
        List<JsonNode> connectDenials = trail.where(n -> n.path("action").asText().equals("net.connect")
                && n.path("decision").asText().equals("deny"));
        assertTrue(!connectDenials.isEmpty(), trail.toString());
        assertEquals("no-forbidden", connectDenials.get(0).path("rule").asText());
    }

    /**
     * Every client with {@code warden.propagate = false} and with it unset, on alternate JDKs: each
     * client meets both settings and both JDKs, in half the child JVMs (both settings turn the same
     * switch off; the JDK is what changes the client's code).
     */
    static Stream<Arguments> clientsWithoutPropagation() {
        List<Path> jdks = Jdks.all();
        List<Arguments> out = new ArrayList<>();
        List<Arguments> all = clients().toList();
        for (int i = 0; i < all.size(); i++) {
            Object[] c = all.get(i).get();
            int jdk = jdks.indexOf((Path) c[1]);
            int client = i % (all.size() / jdks.size());
            out.add(Arguments.of(c[0], c[1], (client + jdk) % 2 == 0 ? "false" : "unset"));
            if (jdks.size() == 1) {
                out.add(Arguments.of(c[0], c[1], (client + jdk) % 2 == 0 ? "unset" : "false"));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}, warden.propagate {2}")
    @MethodSource("clientsWithoutPropagation")
    void addsNoBaggageUnlessPropagating(String client, Path jdk, String propagate) throws Exception {
        boolean okhttp5 = client.startsWith("okhttp5");
        String step = okhttp5 ? client.replace("okhttp5", "okhttp") : client;
        boolean resendable = step.startsWith("okhttp") || step.startsWith("jdk");
        LoopbackServer allowedServer = allowedFor(client);
        String a = allowedServer.base();
        String tag = "/" + client + "-" + Jdks.feature(jdk) + "-propagate-" + propagate;
        List<String> policy = new ArrayList<>(List.of(
                "warden.rule.api.actions = http.GET",
                "warden.rule.api.targets = " + a + "/api/**, " + a + "/redirect",
                "warden.rule.api.effect = allow",
                "warden.rule.resolver-files.actions = file.read",
                "warden.rule.resolver-files.targets = /etc/hosts, /etc/resolv.conf",
                "warden.rule.resolver-files.effect = allow"));
        if (propagate.equals("false")) {
            policy.add("warden.propagate = false");
        }
        HttpToolRun run = new HttpToolRun(temp).policy(policy.toArray(String[]::new));
        List<String> steps = new ArrayList<>(List.of(
                step + "|GET|" + a + "/api/plain" + tag,
                step + "|GET|" + a + "/api/own" + tag + "|baggage=app=1",
                step + "|GET|" + a + "/redirect?to=" + a + "/api/hop" + tag));
        if (resendable) {
            steps.add(step + "|GET|" + a + "/api/twice" + tag + "|twice");
        }

        ChildJvm.Result r = run.run(jdk, okhttp5, cert.trustFlags(), steps);
        String why = r.stdout() + "\nstderr: " + r.stderr();

        assertEquals("OK " + steps.get(0) + " 200 hello GET /api/plain" + tag, r.line("OK " + steps.get(0)), why);
        assertEquals(null, only(allowedServer, "/api/plain" + tag).header("baggage"), "Warden added a baggage header");
        assertEquals("OK " + steps.get(1) + " 200 hello GET /api/own" + tag, r.line("OK " + steps.get(1)), why);
        assertEquals("app=1", only(allowedServer, "/api/own" + tag).header("baggage"), "the application's baggage, untouched");
        if (minimal(client)) {
            // no redirect followed: the redirecting request itself carries none
            String redirect = "/redirect?to=" + a + "/api/hop" + tag;
            assertEquals("OK " + steps.get(2) + " 302 hello GET " + redirect, r.line("OK " + steps.get(2)), why);
            assertEquals(null, only(allowedServer, redirect).header("baggage"), "Warden added a baggage header");
        } else {
            assertEquals("OK " + steps.get(2) + " 200 hello GET /api/hop" + tag, r.line("OK " + steps.get(2)), why);
            assertEquals(null, only(allowedServer, "/api/hop" + tag).header("baggage"), "Warden added a baggage header to a redirect hop");
        }
        AuditTrail trail = run.trail(jdk);
        assertEquals("GET, status 200", trail.only("http.GET", a + "/api/plain" + tag).path("detail").asText());
        if (resendable) {
            // One request object sent in two calls is two requests: each decided and recorded.
            assertEquals("OK " + steps.get(3) + " 200 hello GET /api/twice" + tag, r.line("OK " + steps.get(3)), why);
            assertEquals(2, allowedServer.requests().stream().filter(q -> q.target().equals("/api/twice" + tag)).count());
            List<JsonNode> twice = trail.about("http.GET", a + "/api/twice" + tag);
            assertEquals(2, twice.size(), "each call decided and recorded: " + twice);
            assertTrue(twice.stream().allMatch(n -> n.path("detail").asText().equals("GET, status 200")), twice.toString());
        }
    }

    private static void assertDenied(ChildJvm.Result r, String step, String message) {
        String line = r.line("ERR " + step + " ");
        String rest = line.substring(("ERR " + step + " ").length());
        String type = rest.substring(0, rest.indexOf(':'));
        assertTrue(IO_EXCEPTIONS.contains(type), "not an IOException: " + line);
        assertTrue(rest.startsWith(type + ": " + message), line);
    }

    private static LoopbackHttpServer.Request only(LoopbackServer server, String path) {
        List<LoopbackHttpServer.Request> found = server.requests().stream().filter(q -> q.target().equals(path)).toList();
        assertEquals(1, found.size(), "requests of " + path + ": " + server.requests());
        return found.get(0);
    }
}
