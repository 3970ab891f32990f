package dev.warden.agent.http.reactornetty;

import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.warden.agent.governor.RequestReader;
import dev.warden.bootstrap.Gate;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Reactor Netty's {@code HttpClient} (1.x, under Spring's {@code WebClient}):
 * {@code HttpConnectionProvider.acquire} decides each hop, {@code HttpClientOperations.setNettyResponse}
 * and {@code HttpClientConnect.HttpClientHandler.test(Throwable)} record its outcome,
 * {@code HttpClientOperations.beforeMarkSentHeaders} adds the {@code baggage} header.
 */
public final class ReactorNettyInstrumentation {

    private ReactorNettyInstrumentation() {}

    public static final Set<String> TYPES = Set.of("reactor.netty.http.client.HttpConnectionProvider",
            "reactor.netty.http.client.HttpClientOperations", ReactorNettyRequests.HANDLER);

    public static void registerReader() {
        RequestReader.BY_CLIENT[Gate.CLIENT_REACTOR_NETTY] = new ReactorNettyRequests();
    }

    public static AgentBuilder register(AgentBuilder builder) {
        return builder
                .type(named("reactor.netty.http.client.HttpConnectionProvider"))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(AcquireAdvice.class)
                        .on(named("acquire").and(takesArguments(4)))))
                .type(named("reactor.netty.http.client.HttpClientOperations"))
                .transform((b, type, loader, module, domain) -> b
                        .visit(Advice.to(ResponseAdvice.class).on(named("setNettyResponse").and(takesArguments(1))))
                        .visit(Advice.to(BaggageAdvice.class).on(named("beforeMarkSentHeaders").and(takesArguments(0)))))
                .type(named(ReactorNettyRequests.HANDLER))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(FailureAdvice.class)
                        .on(named("test").and(takesArguments(1)).and(takesArgument(0, Throwable.class)).and(not(isBridge())))));
    }
}
