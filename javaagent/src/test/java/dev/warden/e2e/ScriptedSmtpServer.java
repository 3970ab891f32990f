package dev.warden.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server on loopback that accepts a session but refuses every recipient with
 * {@code 550} — what GreenMail never does — so a test can see the SMTP error a failed send records.
 * It counts the connections it accepted (a server a {@code net.connect} deny rule names must see none).
 */
final class ScriptedSmtpServer implements AutoCloseable {

    static final String REFUSAL = "550 5.1.1 no such mailbox here";

    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor = new Thread(this::serve, "scripted-smtp");

    ScriptedSmtpServer() throws IOException {
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                connections.incrementAndGet();
                s.setSoTimeout(10_000);
                converse(new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)), s.getOutputStream());
            } catch (IOException closedOrDropped) {
                // the test closed the server, or the client hung up
            }
        }
    }

    private static void converse(BufferedReader in, OutputStream out) throws IOException {
        reply(out, "220 scripted ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String verb = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
            switch (verb) {
                case "EHLO":
                case "HELO":
                case "MAIL":
                case "RSET":
                case "NOOP":
                    reply(out, "250 OK");
                    break;
                case "RCPT":
                    reply(out, REFUSAL);
                    break;
                case "QUIT":
                    reply(out, "221 bye");
                    return;
                default:
                    reply(out, "502 not implemented");
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
