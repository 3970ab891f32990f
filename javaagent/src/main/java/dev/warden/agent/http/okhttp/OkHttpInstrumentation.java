package dev.warden.agent.http.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * OkHttp 4 and 5 (under the OpenAI and Anthropic Java SDKs, and LangChain4j's clients):
 * {@code okhttp3.internal.connection.RealCall.enterNetworkInterceptorExchange} decides each hop,
 * {@code okhttp3.internal.http.BridgeInterceptor.intercept} records it, the {@code RealCall}
 * constructor adds the {@code baggage} header; OkHttp 5's {@code ConnectPlan.connectSocket}, which
 * may run on another thread, connects as part of the decided request.
 */
public final class OkHttpInstrumentation {

    private OkHttpInstrumentation() {}

    public static final Set<String> TYPES = Set.of("okhttp3.internal.connection.RealCall",
            "okhttp3.internal.http.BridgeInterceptor", "okhttp3.internal.connection.ConnectPlan");

    public static AgentBuilder register(AgentBuilder builder) {
        return builder
                .type(named("okhttp3.internal.connection.RealCall"))
                .transform((b, type, loader, module, domain) -> b
                        .visit(Advice.to(ExchangeAdvice.class).on(named("enterNetworkInterceptorExchange")
                                .and(takesArgument(0, named("okhttp3.Request"))).and(takesArgument(1, boolean.class))))
                        .visit(Advice.to(BaggageAdvice.class).on(isConstructor().and(takesArguments(3))
                                .and(takesArgument(1, named("okhttp3.Request"))))))
                .type(named("okhttp3.internal.http.BridgeInterceptor"))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(BridgeAdvice.class)
                        .on(named("intercept").and(takesArguments(1)))))
                .type(named("okhttp3.internal.connection.ConnectPlan"))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(ConnectPlanAdvice.class)
                        .on(named("connectSocket").and(takesArguments(0)))));
    }
}
