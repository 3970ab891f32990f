package dev.warden.agent.net;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** A blocking or non-blocking connect whose first argument is the remote address. */
final class ConnectAdvice {

    private ConnectAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.This Object channel, @Advice.Argument(0) Object remote) throws Exception {
        // A non-blocking channel's connect is the kind asynchronous clients make on their own threads.
        return Gate.connect(remote, channel instanceof java.nio.channels.SelectableChannel
                && !((java.nio.channels.SelectableChannel) channel).isBlocking());
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        Gate.exit(token, thrown);
    }
}
