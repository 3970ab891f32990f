package dev.warden.agent.process;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * {@code process.exec}: {@code java.lang.ProcessImpl.start(String[], Map, String, Redirect[], boolean)},
 * the static method every process start on Unix goes through — {@code ProcessBuilder.start},
 * {@code ProcessBuilder.startPipeline} and every {@code Runtime.exec} overload (which builds a
 * {@code ProcessBuilder}) — on JDK 17 and 25 alike. It runs before the redirect files are opened
 * and before the JDK forks, so a denied start creates nothing.
 *
 * <p>{@code ProcessImpl} loads the first time a process is started, so it is advised as it loads.
 */
public final class ProcessInstrumentation {

    private ProcessInstrumentation() {}

    public static final Set<String> TYPES = Set.of("java.lang.ProcessImpl");

    public static AgentBuilder register(AgentBuilder builder) {
        return builder
                .type(named("java.lang.ProcessImpl"))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(ProcessStartAdvice.class)
                        .on(named("start").and(isStatic()).and(takesArguments(5)))));
    }
}
