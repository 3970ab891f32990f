package dev.warden.agent.net;

import dev.warden.bootstrap.Gate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import net.bytebuddy.asm.Advice;

/**
 * Netty's native {@code io.netty.channel.unix.Socket.sendTo*}: a datagram to an explicit address
 * (Netty's own DNS client over epoll). The address and port are the arguments before the last.
 */
final class NativeSendAdvice {

    private NativeSendAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.AllArguments Object[] args) throws Exception {
        int n = args.length;
        Object address = args[n - 3];
        return address instanceof InetAddress
                ? Gate.connect(new InetSocketAddress((InetAddress) address, (Integer) args[n - 2]), true) : 0L;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        Gate.exit(token, thrown);
    }
}
