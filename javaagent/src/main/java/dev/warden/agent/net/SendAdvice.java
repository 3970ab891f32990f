package dev.warden.agent.net;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** A datagram send to an explicit remote address, its second argument. */
final class SendAdvice {

    private SendAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.Argument(1) Object remote) throws Exception {
        return Gate.connect(remote, false);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        Gate.exit(token, thrown);
    }
}
