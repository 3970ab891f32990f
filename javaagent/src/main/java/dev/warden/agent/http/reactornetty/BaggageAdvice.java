package dev.warden.agent.http.reactornetty;

import dev.warden.bootstrap.Gate;
import io.netty.handler.codec.http.HttpHeaders;
import net.bytebuddy.asm.Advice;

/**
 * {@code HttpClientOperations.beforeMarkSentHeaders}: the last moment a hop's headers can change,
 * after the application's and Spring's. Every {@code baggage} line is merged (several may be set).
 */
final class BaggageAdvice {

    private BaggageAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.FieldValue("requestHeaders") Object requestHeaders) {
        if (!Gate.propagating()) {
            return;
        }
        HttpHeaders headers = (HttpHeaders) requestHeaders;
        String existing = String.join(",", headers.getAll("baggage"));
        String merged = Gate.baggage(existing.isEmpty() ? null : existing);
        if (merged != null) {
            headers.set("baggage", merged);
        }
    }
}
