package dev.warden.agent.http.apache5;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Apache HttpClient 5: the classic client's {@code ConnectExec.execute} and the async client's
 * {@code AsyncConnectExec.execute}, the exec-chain elements every request on the wire passes
 * before its connection (HTTP/1 and HTTP/2 builders alike).
 */
public final class Apache5Instrumentation {

    private Apache5Instrumentation() {}

    public static final Set<String> TYPES = Set.of("org.apache.hc.client5.http.impl.classic.ConnectExec",
            "org.apache.hc.client5.http.impl.async.AsyncConnectExec");

    public static AgentBuilder register(AgentBuilder builder) {
        return builder
                .type(named("org.apache.hc.client5.http.impl.classic.ConnectExec"))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(ClassicConnectAdvice.class)
                        .on(named("execute").and(takesArguments(3)))))
                .type(named("org.apache.hc.client5.http.impl.async.AsyncConnectExec"))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(AsyncConnectAdvice.class)
                        .on(named("execute").and(takesArguments(5)))));
    }
}
