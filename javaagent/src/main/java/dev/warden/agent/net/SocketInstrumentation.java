package dev.warden.agent.net;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.net.DatagramPacket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * {@code net.connect}: the JDK's socket chokepoints, under every client library.
 *
 * <ul>
 *   <li>{@code sun.nio.ch.NioSocketImpl.connect(SocketAddress, int)}: every {@code java.net.Socket}
 *       (JDK 13+, JEP 353; its {@code connect(String, int)} and {@code connect(InetAddress, int)}
 *       delegate to it);
 *   <li>{@code sun.nio.ch.SocketChannelImpl.connect(SocketAddress)} and
 *       {@code blockingConnect(SocketAddress, long)} (the latter behind {@code SocketChannel.socket().connect}):
 *       TCP and Unix-domain channels, blocking or not (Netty's NIO transport, the JDK's {@code HttpClient});
 *   <li>{@code sun.nio.ch.UnixAsynchronousSocketChannelImpl.implConnect}: {@code AsynchronousSocketChannel};
 *   <li>{@code sun.nio.ch.DatagramChannelImpl.connect(SocketAddress, boolean)}, {@code send(ByteBuffer, SocketAddress)}
 *       and {@code blockingSend} (JDK 17: {@code (ByteBuffer, SocketAddress)}, JDK 25: {@code (DatagramPacket)}):
 *       UDP through {@code DatagramChannel} and {@code DatagramSocket} (JDK 15+, JEP 373, is built on it);
 *   <li>Netty's native transports, {@code io.netty.channel.unix.Socket}: {@code connect(SocketAddress)} and the
 *       {@code sendTo}, {@code sendToAddress}, {@code sendToAddresses} forms with an explicit address (the
 *       shorter overloads delegate to these).
 * </ul>
 */
public final class SocketInstrumentation {

    private SocketInstrumentation() {}

    public static final Set<String> TYPES = Set.of("sun.nio.ch.NioSocketImpl", "sun.nio.ch.SocketChannelImpl",
            "sun.nio.ch.UnixAsynchronousSocketChannelImpl", "sun.nio.ch.DatagramChannelImpl",
            "io.netty.channel.unix.Socket");

    public static AgentBuilder register(AgentBuilder builder) {
        return builder
                .type(named("sun.nio.ch.NioSocketImpl"))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(ConnectAdvice.class)
                        .on(named("connect").and(takesArguments(SocketAddress.class, int.class)))))
                .type(named("sun.nio.ch.SocketChannelImpl"))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(ConnectAdvice.class)
                        .on(named("connect").and(takesArguments(SocketAddress.class))
                                .or(named("blockingConnect").and(takesArguments(SocketAddress.class, long.class))))))
                .type(named("sun.nio.ch.UnixAsynchronousSocketChannelImpl"))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(AsyncConnectAdvice.class)
                        .on(named("implConnect").and(takesArguments(3)))))
                .type(named("sun.nio.ch.DatagramChannelImpl"))
                .transform((b, type, loader, module, domain) -> b
                        .visit(Advice.to(ConnectAdvice.class).on(
                                named("connect").and(takesArguments(SocketAddress.class, boolean.class))))
                        .visit(Advice.to(SendAdvice.class).on(
                                named("send").and(takesArguments(ByteBuffer.class, SocketAddress.class))
                                        .or(named("blockingSend").and(takesArguments(ByteBuffer.class, SocketAddress.class)))))
                        .visit(Advice.to(PacketSendAdvice.class).on(
                                named("blockingSend").and(takesArguments(1)).and(takesArgument(0, DatagramPacket.class)))))
                .type(named("io.netty.channel.unix.Socket"))
                .transform((b, type, loader, module, domain) -> b
                        .visit(Advice.to(NativeConnectAdvice.class).on(named("connect").and(takesArguments(SocketAddress.class))))
                        .visit(Advice.to(NativeSendAdvice.class).on(
                                namedOneOf("sendTo", "sendToAddress").and(takesArguments(6))
                                        .or(named("sendToAddresses").and(takesArguments(5))))));
    }
}
