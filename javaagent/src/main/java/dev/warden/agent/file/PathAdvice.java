package dev.warden.agent.file;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** Methods whose first argument is the path ({@code String}, {@code File} or {@code Path}). */
final class PathAdvice {

    private PathAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Op int op, @Api int api, @Advice.Argument(0) Object path) throws Exception {
        return Gate.file(op, path, null, null, api);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        Gate.exit(token, thrown);
    }
}
