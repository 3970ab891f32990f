package dev.warden.agent.file;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.warden.bootstrap.FileOp;
import dev.warden.bootstrap.Gate;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * {@code java.io} streams: every {@code FileInputStream}, {@code FileOutputStream} and
 * {@code RandomAccessFile} constructor (and so {@code FileReader}, {@code FileWriter},
 * {@code Scanner(File)}, {@code ZipFile}, {@code file:} URLs) funnels into a private
 * {@code open(String ...)} method that calls the native {@code open0}. Advising {@code open}
 * rather than the constructors also lets the exit advice see exceptions, which Byte Buddy cannot
 * do in a constructor.
 */
public final class JavaIoStreamInstrumentation {

    private JavaIoStreamInstrumentation() {}

    public static AgentBuilder register(AgentBuilder builder) {
        return builder
                .type(named("java.io.FileInputStream"))
                .transform((b, type, loader, module, domain) -> b.visit(AdviceFor.methods(PathAdvice.class,
                        FileOp.OPEN_READ, Gate.API_IO_STREAM, named("open").and(takesArguments(String.class)))))
                .type(named("java.io.FileOutputStream"))
                .transform((b, type, loader, module, domain) -> b.visit(AdviceFor.methods(PathAdvice.class,
                        FileOp.OPEN_WRITE, Gate.API_IO_STREAM, named("open").and(takesArguments(String.class, boolean.class)))))
                .type(named("java.io.RandomAccessFile"))
                .transform((b, type, loader, module, domain) -> b.visit(AdviceFor.methods(OpenAdvice.class,
                        FileOp.OPEN_RANDOM_ACCESS, Gate.API_IO_STREAM, named("open").and(takesArguments(String.class, int.class)))));
    }
}
