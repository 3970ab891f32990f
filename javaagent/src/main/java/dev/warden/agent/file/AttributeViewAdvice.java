package dev.warden.agent.file;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** Attribute views hold their path in a {@code file} field (sun.nio.fs, JDK 17 to 25). */
final class AttributeViewAdvice {

    private AttributeViewAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Op int op, @Api int api, @Advice.FieldValue("file") Object path) throws Exception {
        return Gate.file(op, path, null, null, api);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        Gate.exit(token, thrown);
    }
}
