package dev.warden.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocketFactory;

/**
 * A real HTTP/1.1 server on loopback (optionally TLS) that counts the connections it accepts and
 * keeps every request it receives, so a test can assert that a denied request never reached it.
 * One response per connection ({@code Connection: close}).
 *
 * <p>Routes: {@code /redirect?to=URL} answers 302 to {@code URL}; {@code /status/N} answers N;
 * anything else 200 with {@code hello <METHOD> <path>}. An absolute-form request line (a client
 * using this server as its HTTP proxy) is answered the same way and recorded with its full URL; a
 * {@code CONNECT} opens a tunnel whose one request is served (and recorded) in turn.
 */
public final class LoopbackHttpServer implements LoopbackServer {

    /** One request as received: the request line's target, the method, the headers (lower-cased names), the body. */
    public record Request(String method, String target, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? null : String.join(",", v);
        }
    }

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-http");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final boolean tls;

    private LoopbackHttpServer(ServerSocket server, boolean tls) {
        this.server = server;
        this.tls = tls;
        pool.execute(this::acceptLoop);
    }

    public static LoopbackHttpServer http() throws IOException {
        return new LoopbackHttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), false);
    }

    public static LoopbackHttpServer https(TestCertificate cert) throws Exception {
        SSLServerSocketFactory f = cert.serverContext().getServerSocketFactory();
        ServerSocket s = f.createServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new LoopbackHttpServer(s, true);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT} (or https). */
    public String base() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port();
    }

    public int connections() {
        return connections.get();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(10_000);
            InputStream in = new BufferedInputStream(s.getInputStream());
            String requestLine = line(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return; // a TLS client that gave up, or a bare connect
            }
            String[] parts = requestLine.split(" ");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                headers.computeIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(h.substring(colon + 1).trim());
            }
            String body = body(in, headers);
            Request r = new Request(parts[0], parts[1], headers, body);
            requests.add(r);
            if (r.method().equals("CONNECT")) {
                // A proxy tunnel (Netty's HTTP proxy handler always asks for one): the request follows inside.
                s.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                serveOne(in, s.getOutputStream());
                return;
            }
            respond(s.getOutputStream(), r);
        } catch (IOException e) {
            // the client went away
        }
    }

    private void serveOne(InputStream in, OutputStream out) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return;
        }
        String[] parts = requestLine.split(" ");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.computeIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(h.substring(colon + 1).trim());
        }
        Request r = new Request(parts[0], parts[1], headers, body(in, headers));
        requests.add(r);
        respond(out, r);
    }

    private static String body(InputStream in, Map<String, List<String>> headers) throws IOException {
        List<String> length = headers.get("content-length");
        if (length != null) {
            return new String(in.readNBytes(Integer.parseInt(length.get(0))), StandardCharsets.UTF_8);
        }
        List<String> te = headers.get("transfer-encoding");
        if (te != null && te.get(0).equalsIgnoreCase("chunked")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                out.write(in.readNBytes(size));
                line(in);
            }
            line(in);
            return out.toString(StandardCharsets.UTF_8);
        }
        return "";
    }

    /** The answer to a request by the routes above: its status, its {@code Location} or {@code null}, its body. */
    record Answer(int status, String location, String body) {
        static Answer to(String method, String target) {
            String path = target;
            if (path.startsWith("http://") || path.startsWith("https://")) {
                path = path.substring(path.indexOf('/', path.indexOf("://") + 3));
            }
            int status = 200;
            String location = null;
            if (path.startsWith("/redirect?to=")) {
                status = 302;
                location = java.net.URLDecoder.decode(path.substring("/redirect?to=".length()), StandardCharsets.UTF_8);
            } else if (path.startsWith("/status/")) {
                status = Integer.parseInt(path.substring("/status/".length()));
            }
            return new Answer(status, location, "hello " + method + " " + path + "\n");
        }
    }

    private static void respond(OutputStream out, Request r) throws IOException {
        Answer a = Answer.to(r.method(), r.target());
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(a.status()).append(a.status() == 200 ? " OK" : " X").append("\r\n")
                .append("Content-Type: text/plain\r\nConnection: close\r\nContent-Length: ").append(body.length).append("\r\n");
        if (a.location() != null) {
            head.append("Location: ").append(a.location()).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        if (!r.method().equals("HEAD")) {
            out.write(body);
        }
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                int n = b.length();
                return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
            }
            b.append((char) c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }

    /** For trying things by hand: {@code java LoopbackHttpServer} serves on a free port until killed. */
    public static void main(String[] args) throws Exception {
        try (LoopbackHttpServer s = http()) {
            System.out.println(s.base());
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
