package dev.warden.agent.file;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** Copy, move, rename and link methods: {@code (path, other, ...)}. */
final class TwoPathAdvice {

    private TwoPathAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Op int op, @Api int api, @Advice.Argument(0) Object path, @Advice.Argument(1) Object other)
            throws Exception {
        return Gate.file(op, path, other, null, api);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        Gate.exit(token, thrown);
    }
}
