package dev.warden.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP benchmark's server: a blocking loopback responder that answers every request on a
 * kept-alive connection with the same 2-byte body, one thread per connection. The JDK's
 * {@code HttpServer} hands each exchange between its selector and dispatcher threads, and on two
 * cores that scheduling varied the round trip by ±20% between runs — more than the difference
 * being measured. Requests carry no body (GET); the head ends at the first empty line.
 */
final class LoopbackResponder implements AutoCloseable {

    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 2\r\n\r\nok").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;

    LoopbackResponder() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "bench-responder");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "bench-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            s.setTcpNoDelay(true);
            byte[] buf = new byte[8192];
            int matched = 0; // how much of "\r\n\r\n" the bytes read so far end with
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    matched = (b == '\r') ? (matched == 2 ? 3 : 1) : (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
                    if (matched == 4) {
                        out.write(RESPONSE);
                        out.flush();
                        matched = 0;
                    }
                }
            }
        } catch (IOException gone) {
            // the client closed the connection
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
