package dev.warden.agent.http.apache4;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Apache HttpClient 4.5: {@code ProtocolExec.execute} (the default chain) and
 * {@code MinimalClientExec.execute} (the minimal client), each once per hop before the connect.
 * The deprecated {@code DefaultHttpClient} ({@code AbstractHttpClient}, {@code DefaultRequestDirector})
 * goes around both and is not governed by URL; its connects are still {@code net.connect}.
 */
public final class Apache4Instrumentation {

    private Apache4Instrumentation() {}

    public static final Set<String> TYPES = Set.of("org.apache.http.impl.execchain.ProtocolExec",
            "org.apache.http.impl.execchain.MinimalClientExec");

    public static AgentBuilder register(AgentBuilder builder) {
        return builder
                .type(namedOneOf("org.apache.http.impl.execchain.ProtocolExec", "org.apache.http.impl.execchain.MinimalClientExec"))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(ProtocolExecAdvice.class)
                        .on(named("execute").and(takesArguments(4)))));
    }
}
