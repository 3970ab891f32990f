package dev.warden.agent.file;

import dev.warden.bootstrap.Gate;
import dev.warden.bootstrap.PlainDirectoryStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import net.bytebuddy.asm.Advice;

/** Listing a directory with NIO: decided as a read, and never handing out a secure stream. */
final class DirectoryStreamAdvice {

    private DirectoryStreamAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Op int op, @Api int api, @Advice.Argument(0) Object path) throws Exception {
        return Gate.file(op, path, null, null, api);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Thrown Throwable thrown,
            @Advice.Return(readOnly = false) DirectoryStream<Path> listing) {
        Gate.exit(token, thrown);
        if (listing != null) {
            listing = PlainDirectoryStream.of(listing);
        }
    }
}
