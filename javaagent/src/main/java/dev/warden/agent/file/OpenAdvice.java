package dev.warden.agent.file;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/**
 * {@code RandomAccessFile}'s open, whose second argument is its native mode bits (boxed from a
 * small int, so from the {@code Integer} cache: no allocation).
 */
final class OpenAdvice {

    private OpenAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Op int op, @Api int api, @Advice.Argument(0) Object path,
            @Advice.Argument(value = 1, typing = net.bytebuddy.implementation.bytecode.assign.Assigner.Typing.DYNAMIC) Object how)
            throws Exception {
        return Gate.file(op, path, null, how, api);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        Gate.exit(token, thrown);
    }
}
