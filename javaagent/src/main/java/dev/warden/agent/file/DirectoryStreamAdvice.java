package dev.warden.agent.file;

import dev.warden.bootstrap.Gate;
import dev.warden.bootstrap.GovernedDirectoryStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import net.bytebuddy.asm.Advice;

/** Listing a directory with NIO: decided as a read; a secure stream is handed out governed. */
final class DirectoryStreamAdvice {

    private DirectoryStreamAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Op int op, @Api int api, @Advice.Argument(0) Object path) throws Exception {
        return Gate.file(op, path, null, null, api);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Thrown Throwable thrown, @Advice.Argument(0) Object dir,
            @Advice.Return(readOnly = false) DirectoryStream<Path> listing) {
        Gate.exit(token, thrown);
        if (listing != null) {
            listing = GovernedDirectoryStream.of(listing, dir);
        }
    }
}
