package dev.warden.agent.exit;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** {@code Runtime.exit(status)}: decided before the shutdown sequence starts. */
final class ExitAdvice {

    private ExitAdvice() {}

    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(0) int status) {
        Gate.jvmExit(status, false);
    }
}
