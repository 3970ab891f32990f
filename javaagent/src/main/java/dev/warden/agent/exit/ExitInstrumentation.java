package dev.warden.agent.exit;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * {@code jvm.exit}: {@code java.lang.Runtime.exit(int)} (which {@code System.exit} calls) and
 * {@code Runtime.halt(int)}.
 *
 * <p>Not {@code java.lang.Shutdown.exit} underneath: the JVM's own signal handler
 * ({@code java.lang.Terminator}, for SIGTERM, SIGINT and SIGHUP) calls {@code Shutdown.exit}
 * directly, and an operator's {@code kill} must always stop the process. {@code Shutdown} is
 * package-private, so an application reaches it only through the {@code Runtime} methods (or deep
 * reflection, which {@code java.base} refuses without {@code --add-opens}).
 *
 * <p>{@code Runtime} is loaded before {@code premain}: it is retransformed at start-up, with the
 * file classes.
 */
public final class ExitInstrumentation {

    private ExitInstrumentation() {}

    public static final String TYPE = "java.lang.Runtime";

    public static AgentBuilder register(AgentBuilder builder) {
        return builder
                .type(named(TYPE))
                .transform((b, type, loader, module, domain) -> b
                        .visit(Advice.to(ExitAdvice.class).on(named("exit").and(takesArguments(int.class))))
                        .visit(Advice.to(HaltAdvice.class).on(named("halt").and(takesArguments(int.class)))));
    }
}
