package dev.warden.agent.file;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** {@code File.renameTo(File)}: this file and the destination. */
final class SelfAndArgumentAdvice {

    private SelfAndArgumentAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Op int op, @Api int api, @Advice.FieldValue("path") Object file, @Advice.Argument(0) Object other)
            throws Exception {
        return Gate.file(op, file, other, null, api);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        Gate.exit(token, thrown);
    }
}
