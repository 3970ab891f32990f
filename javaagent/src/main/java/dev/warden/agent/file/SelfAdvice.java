package dev.warden.agent.file;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/**
 * {@code java.io.File} instance methods: the path is the file's own {@code path} field, which the
 * native code uses (a subclass could override {@code getPath()} to show Warden another path).
 */
final class SelfAdvice {

    private SelfAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Op int op, @Api int api, @Advice.FieldValue("path") Object file) throws Exception {
        return Gate.file(op, file, null, null, api);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        Gate.exit(token, thrown);
    }
}
