package dev.warden.testapps.httptool;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Raw sockets, the way tool code opens them: {@code kind|host|port} ({@code unix|path}). */
final class Sockets {

    private Sockets() {}

    static String perform(String[] s) throws Exception {
        InetSocketAddress to = s[0].equals("unix") ? null : new InetSocketAddress(s[1], Integer.parseInt(s[2]));
        switch (s[0]) {
            case "socket":
                try (Socket socket = new Socket()) {
                    socket.connect(to, 5000);
                    return "connected";
                }
            case "channel":
                try (SocketChannel ch = SocketChannel.open()) {
                    ch.connect(to);
                    return "connected";
                }
            case "channel-nonblocking":
                try (SocketChannel ch = SocketChannel.open()) {
                    ch.configureBlocking(false);
                    if (!ch.connect(to)) {
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                        while (!ch.finishConnect() && System.nanoTime() < deadline) {
                            Thread.sleep(5);
                        }
                    }
                    return "connected";
                }
            case "channel-socket":
                try (SocketChannel ch = SocketChannel.open()) {
                    ch.socket().connect(to, 5000);
                    return "connected";
                }
            case "async-channel":
                try (AsynchronousSocketChannel ch = AsynchronousSocketChannel.open()) {
                    ch.connect(to).get(5, TimeUnit.SECONDS);
                    return "connected";
                }
            case "async-channel-handler":
                try (AsynchronousSocketChannel ch = AsynchronousSocketChannel.open()) {
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    ch.connect(to, null, new CompletionHandler<Void, Void>() {
                        @Override
                        public void completed(Void result, Void attachment) {
                            done.complete(null);
                        }

                        @Override
                        public void failed(Throwable exc, Void attachment) {
                            done.completeExceptionally(exc);
                        }
                    });
                    done.get(5, TimeUnit.SECONDS);
                    return "connected";
                }
            case "udp-connect":
                try (DatagramChannel ch = DatagramChannel.open()) {
                    ch.connect(to);
                    ch.write(ByteBuffer.wrap("ping".getBytes()));
                    return "sent";
                }
            case "udp-send":
                try (DatagramChannel ch = DatagramChannel.open()) {
                    ch.send(ByteBuffer.wrap("ping".getBytes()), to);
                    return "sent";
                }
            case "datagram-socket-send":
                try (DatagramSocket socket = new DatagramSocket()) {
                    socket.send(new DatagramPacket("ping".getBytes(), 4, to));
                    return "sent";
                }
            case "datagram-socket-connect":
                try (DatagramSocket socket = new DatagramSocket()) {
                    socket.connect(to);
                    socket.send(new DatagramPacket("ping".getBytes(), 4));
                    return "sent";
                }
            case "unix":
                try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    ch.connect(UnixDomainSocketAddress.of(s[1]));
                    return "connected";
                }
            default:
                throw new IllegalArgumentException("unknown socket step " + s[0]);
        }
    }
}
