package dev.warden.agent.net;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** A datagram send to an explicit remote address, its second argument. */
final class SendAdvice {

    private SendAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.This Object channel, @Advice.Argument(1) Object remote) throws Exception {
        // A connected channel sends only to the address its connect was decided for.
        if (channel instanceof java.nio.channels.DatagramChannel && ((java.nio.channels.DatagramChannel) channel).isConnected()) {
            return 0L;
        }
        return Gate.connect(remote, false);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        Gate.exit(token, thrown);
    }
}
