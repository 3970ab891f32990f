package dev.warden.agent.exit;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** {@code Runtime.halt(status)}: decided before the JVM stops without running shutdown hooks. */
final class HaltAdvice {

    private HaltAdvice() {}

    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(0) int status) {
        Gate.jvmExit(status, true);
    }
}
