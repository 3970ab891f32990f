package dev.warden.agent.file;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.warden.bootstrap.FileOp;
import dev.warden.bootstrap.Gate;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * The platform {@code FileSystemProvider} ({@code sun.nio.fs.UnixFileSystemProvider} and its Linux
 * and macOS subclasses): every {@code java.nio.file.Files} method that opens, creates, lists,
 * deletes, copies, moves or links ends here, as do {@code FileChannel.open} and
 * {@code AsynchronousFileChannel.open}. {@code Files.newInputStream/newOutputStream} are the
 * provider's inherited defaults over {@code newByteChannel}; {@code delete} and
 * {@code deleteIfExists} share {@code implDelete}. The name pre-filter keeps the costly
 * super-type check off every other class the application loads.
 */
public final class NioProviderInstrumentation {

    private NioProviderInstrumentation() {}

    public static AgentBuilder register(AgentBuilder builder) {
        return builder
                .type(nameStartsWith("sun.nio.fs.").and(hasSuperType(named("java.nio.file.spi.FileSystemProvider"))))
                .transform((b, type, loader, module, domain) -> b
                        .visit(AdviceFor.methods(NioOpenAdvice.class, FileOp.OPEN_NIO, Gate.API_NIO,
                                concrete().and(namedOneOf("newByteChannel", "newFileChannel", "newAsynchronousFileChannel"))))
                        .visit(AdviceFor.methods(DirectoryStreamAdvice.class, FileOp.LIST, Gate.API_NIO,
                                concrete().and(named("newDirectoryStream"))))
                        .visit(AdviceFor.methods(PathAdvice.class, FileOp.CREATE_DIRECTORY, Gate.API_NIO,
                                concrete().and(named("createDirectory"))))
                        .visit(AdviceFor.methods(PathAdvice.class, FileOp.DELETE, Gate.API_NIO,
                                concrete().and(named("implDelete"))))
                        .visit(AdviceFor.methods(PathAdvice.class, FileOp.SET_ATTRIBUTE, Gate.API_NIO,
                                concrete().and(named("setAttribute"))))
                        .visit(AdviceFor.methods(TwoPathAdvice.class, FileOp.COPY, Gate.API_NIO,
                                concrete().and(named("copy"))))
                        .visit(AdviceFor.methods(TwoPathAdvice.class, FileOp.MOVE, Gate.API_NIO,
                                concrete().and(named("move"))))
                        .visit(AdviceFor.methods(TwoPathAdvice.class, FileOp.SYMLINK, Gate.API_NIO,
                                concrete().and(named("createSymbolicLink"))))
                        .visit(AdviceFor.methods(TwoPathAdvice.class, FileOp.HARD_LINK, Gate.API_NIO,
                                concrete().and(named("createLink")))));
    }

    private static net.bytebuddy.matcher.ElementMatcher.Junction<net.bytebuddy.description.method.MethodDescription> concrete() {
        return not(isAbstract());
    }
}
