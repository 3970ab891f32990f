package dev.warden.agent.http.apache5;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Apache HttpClient 5: the classic client's {@code ConnectExec.execute} and the async client's
 * {@code AsyncConnectExec.execute}, the exec-chain elements every request on the wire passes
 * before its connection (HTTP/1 and HTTP/2 builders alike); and the minimal clients, which have no
 * exec chain: {@code MinimalHttpClient.doExecute}, and the request-channel body inside
 * {@code MinimalHttpAsyncClient.execute} and {@code MinimalH2AsyncClient.execute}.
 */
public final class Apache5Instrumentation {

    private Apache5Instrumentation() {}

    private static final String CONNECT_EXEC = "org.apache.hc.client5.http.impl.classic.ConnectExec";
    private static final String ASYNC_CONNECT_EXEC = "org.apache.hc.client5.http.impl.async.AsyncConnectExec";
    private static final String MINIMAL_CLASSIC = "org.apache.hc.client5.http.impl.classic.MinimalHttpClient";
    private static final String MINIMAL_ASYNC = "org.apache.hc.client5.http.impl.async.MinimalHttpAsyncClient";
    private static final String MINIMAL_H2 = "org.apache.hc.client5.http.impl.async.MinimalH2AsyncClient";

    public static final Set<String> TYPES = Set.of(CONNECT_EXEC, ASYNC_CONNECT_EXEC, MINIMAL_CLASSIC, MINIMAL_ASYNC, MINIMAL_H2);

    public static AgentBuilder register(AgentBuilder builder) {
        return builder
                .type(named(CONNECT_EXEC))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(ClassicConnectAdvice.class)
                        .on(named("execute").and(takesArguments(3)))))
                .type(named(ASYNC_CONNECT_EXEC))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(AsyncConnectAdvice.class)
                        .on(named("execute").and(takesArguments(5)))))
                .type(named(MINIMAL_CLASSIC))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(MinimalClassicAdvice.class, ClassicConnectAdvice.class)
                        .on(named("doExecute").and(takesArguments(3)))))
                .type(namedOneOf(MINIMAL_ASYNC, MINIMAL_H2))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(MinimalAsyncAdvice.class)
                        .on(isSynthetic().and(RequestChannelBody.INSTANCE))));
    }
}
