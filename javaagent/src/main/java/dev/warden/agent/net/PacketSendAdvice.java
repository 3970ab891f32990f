package dev.warden.agent.net;

import dev.warden.bootstrap.Gate;
import java.net.DatagramPacket;
import net.bytebuddy.asm.Advice;

/**
 * JDK 25's {@code DatagramChannelImpl.blockingSend(DatagramPacket)} (what {@code DatagramSocket.send}
 * uses): the packet names the remote address, or none when the socket is connected (decided at
 * connect).
 */
final class PacketSendAdvice {

    private PacketSendAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.Argument(0) DatagramPacket packet) throws Exception {
        return packet.getAddress() == null ? 0L : Gate.connect(packet.getSocketAddress(), false);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        Gate.exit(token, thrown);
    }
}
