package dev.warden.agent.file;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/**
 * {@code File.createTempFile(prefix, suffix, directory)}: the file's name is generated inside,
 * after entry, so the call is decided as a write to the directory it creates the file in
 * ({@code null} means {@code java.io.tmpdir}).
 */
final class TempFileAdvice {

    private TempFileAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Op int op, @Api int api, @Advice.Argument(2) Object directory) throws Exception {
        return Gate.file(op, directory != null ? directory : System.getProperty("java.io.tmpdir"), null, null, api);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        Gate.exit(token, thrown);
    }
}
