package dev.warden.agent.net;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/**
 * Netty's native transports (epoll, kqueue: {@code io.netty.channel.unix.Socket.connect}), which
 * Reactor Netty uses by default on Linux and which never reach the JDK's socket classes. Netty's
 * sockets are always non-blocking, connected on its event loops.
 */
final class NativeConnectAdvice {

    private NativeConnectAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.Argument(0) Object remote) throws Exception {
        return Gate.connect(remote, true);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        Gate.exit(token, thrown);
    }
}
