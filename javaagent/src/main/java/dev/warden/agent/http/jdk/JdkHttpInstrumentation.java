package dev.warden.agent.http.jdk;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * The JDK's two HTTP clients.
 *
 * <p>{@code HttpURLConnection} and {@code HttpsURLConnection}: {@code sun.net.www.protocol.http.HttpURLConnection}
 * (the HTTPS one, {@code DelegateHttpsURLConnection}, extends it): {@code getOutputStream0},
 * {@code getInputStream0}, {@code plainConnect0} and {@code writeRequests} (same methods on JDK 17 to 25).
 *
 * <p>{@code java.net.http.HttpClient}: {@code jdk.internal.net.http.HttpClientImpl.sendAsync(HttpRequest,
 * BodyHandler, PushPromiseHandler, Executor)} for the request (and {@code send(HttpRequest, BodyHandler)},
 * which records the request it waits for), {@code MultiExchange.responseFilters}
 * for every redirect hop, {@code PlainHttpConnection.connectAsync} for its connect.
 */
public final class JdkHttpInstrumentation {

    private JdkHttpInstrumentation() {}

    public static final Set<String> TYPES = Set.of("sun.net.www.protocol.http.HttpURLConnection",
            "jdk.internal.net.http.HttpClientImpl", "jdk.internal.net.http.MultiExchange",
            "jdk.internal.net.http.PlainHttpConnection");

    public static AgentBuilder register(AgentBuilder builder) {
        return builder
                .type(named("sun.net.www.protocol.http.HttpURLConnection"))
                .transform((b, type, loader, module, domain) -> b
                        .visit(Advice.to(UrlConnectionAdvice.class).on(named("plainConnect0").and(takesArguments(0))))
                        .visit(Advice.to(UrlConnectionRequestsAdvice.class).on(named("writeRequests").and(takesArguments(0))))
                        .visit(Advice.to(UrlConnectionRedirectAdvice.class).on(named("followRedirect0").and(takesArguments(3))))
                        .visit(Advice.to(UrlConnectionStreamAdvice.class)
                                .on(namedOneOf("getOutputStream0", "getInputStream0").and(takesArguments(0)))))
                .type(named("jdk.internal.net.http.HttpClientImpl"))
                .transform((b, type, loader, module, domain) -> b
                        .visit(Advice.to(HttpClientSendAdvice.class).on(named("sendAsync").and(takesArguments(4))))
                        .visit(Advice.to(HttpClientSyncSendAdvice.class).on(named("send").and(takesArguments(2)))))
                .type(named("jdk.internal.net.http.MultiExchange"))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(HttpClientRedirectAdvice.class)
                        .on(named("responseFilters").and(takesArguments(1)))))
                .type(named("jdk.internal.net.http.PlainHttpConnection"))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(HttpClientConnectAdvice.class)
                        .on(named("connectAsync").and(takesArguments(1)))));
    }
}
