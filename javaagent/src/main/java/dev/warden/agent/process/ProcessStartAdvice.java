package dev.warden.agent.process;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** {@code ProcessImpl.start(cmdarray, environment, dir, redirects, redirectErrorStream)}. */
final class ProcessStartAdvice {

    private ProcessStartAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.Argument(0) Object command, @Advice.Argument(2) String dir) throws Exception {
        return Gate.process(command, dir);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        Gate.exit(token, thrown);
    }
}
