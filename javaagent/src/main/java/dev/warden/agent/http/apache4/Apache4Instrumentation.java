package dev.warden.agent.http.apache4;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Apache HttpClient 4.5: {@code ProtocolExec.execute} (the default chain) and
 * {@code MinimalClientExec.execute} (the minimal client), each once per hop before the connect;
 * and the deprecated {@code DefaultHttpClient} family ({@code AbstractHttpClient}), which goes
 * around both through a {@code DefaultRequestDirector} per request: its {@code execute} (the first
 * hop), {@code handleResponse} (every status, and every hop it follows) and {@code tryExecute} (baggage).
 * The two routes share no method, so no request is decided twice.
 */
public final class Apache4Instrumentation {

    private Apache4Instrumentation() {}

    static final String DIRECTOR = "org.apache.http.impl.client.DefaultRequestDirector";

    public static final Set<String> TYPES = Set.of("org.apache.http.impl.execchain.ProtocolExec",
            "org.apache.http.impl.execchain.MinimalClientExec", DIRECTOR);

    public static AgentBuilder register(AgentBuilder builder) {
        return builder
                .type(namedOneOf("org.apache.http.impl.execchain.ProtocolExec", "org.apache.http.impl.execchain.MinimalClientExec"))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(ProtocolExecAdvice.class)
                        .on(named("execute").and(takesArguments(4)))))
                .type(named(DIRECTOR))
                .transform((b, type, loader, module, domain) -> b
                        .visit(Advice.to(DirectorExecuteAdvice.class).on(named("execute").and(takesArguments(3))))
                        .visit(Advice.to(DirectorResponseAdvice.class).on(named("handleResponse").and(takesArguments(3))))
                        .visit(Advice.to(DirectorBaggageAdvice.class).on(named("tryExecute").and(takesArguments(2)))));
    }
}
