package dev.warden.agent.file;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.warden.bootstrap.FileOp;
import dev.warden.bootstrap.Gate;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * {@code java.io.File}'s mutators and listings. They delegate to the platform
 * {@code java.io.FileSystem}, but on JDK 17 most of its methods ({@code createFileExclusively},
 * {@code list}, {@code createDirectory}, {@code setPermission}, ...) are {@code native} and cannot
 * be advised (JDK 21+ wraps them), so the {@code File} methods themselves are: {@code createNewFile},
 * {@code delete}, the private {@code normalizedList} behind {@code list} and every {@code listFiles},
 * {@code mkdir} (and so {@code mkdirs}), {@code renameTo}, {@code setLastModified},
 * {@code setReadOnly}, {@code setReadable/Writable/Executable}, and {@code createTempFile}.
 * {@code deleteOnExit} deletes through {@code delete} at exit.
 */
public final class JavaIoFileInstrumentation {

    private JavaIoFileInstrumentation() {}

    public static AgentBuilder register(AgentBuilder builder) {
        return builder
                .type(named("java.io.File"))
                .transform((b, type, loader, module, domain) -> b
                        .visit(AdviceFor.methods(SelfAdvice.class, FileOp.CREATE_FILE, Gate.API_NIO,
                                named("createNewFile").and(takesArguments(0))))
                        .visit(AdviceFor.methods(SelfAdvice.class, FileOp.DELETE, Gate.API_UNCHECKED,
                                named("delete").and(takesArguments(0))))
                        .visit(AdviceFor.methods(SelfAdvice.class, FileOp.LIST, Gate.API_UNCHECKED,
                                named("normalizedList").and(takesArguments(0))))
                        .visit(AdviceFor.methods(SelfAdvice.class, FileOp.CREATE_DIRECTORY, Gate.API_UNCHECKED,
                                named("mkdir").and(takesArguments(0))))
                        .visit(AdviceFor.methods(SelfAndArgumentAdvice.class, FileOp.MOVE, Gate.API_UNCHECKED,
                                named("renameTo").and(takesArguments(1))))
                        .visit(AdviceFor.methods(SelfAdvice.class, FileOp.SET_ATTRIBUTE, Gate.API_UNCHECKED,
                                namedOneOf("setLastModified", "setReadOnly", "setReadable", "setWritable", "setExecutable")
                                        .and(takesArguments(2).or(named("setLastModified")).or(named("setReadOnly")))))
                        .visit(AdviceFor.methods(TempFileAdvice.class, FileOp.CREATE_FILE, Gate.API_NIO,
                                named("createTempFile").and(isStatic()).and(takesArguments(3)))));
    }
}
