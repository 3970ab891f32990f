package dev.warden.agent.http.reactornetty;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/**
 * {@code HttpClientConnect.HttpClientHandler.test(Throwable)}: Reactor Netty's retry filter; a
 * {@code false} answer ends the request with that error (a connect or TLS failure, a timeout).
 */
final class FailureAdvice {

    private FailureAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Return boolean retried, @Advice.Argument(0) Throwable error, @Advice.FieldValue("toURI") Object hop) {
        if (!retried) {
            Gate.httpResponse(hop, -1, error);
        }
    }
}
