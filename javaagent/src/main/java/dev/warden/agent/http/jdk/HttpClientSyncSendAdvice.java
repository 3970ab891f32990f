package dev.warden.agent.http.jdk;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/**
 * {@code jdk.internal.net.http.HttpClientImpl.send(HttpRequest, BodyHandler)}: calls the advised
 * four-argument {@code sendAsync} on this thread, then waits for its future. The request's record
 * is written here when {@code send} returns, rather than by a completion registered on the future
 * (which {@code sendAsync} alone needs, and which allocates per request).
 */
final class HttpClientSyncSendAdvice {

    private HttpClientSyncSendAdvice() {}

    @Advice.OnMethodEnter
    static int enter() {
        return Gate.httpSendBegin();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter int saved, @Advice.Return Object response, @Advice.Thrown Throwable thrown) {
        Gate.httpSendEnd(saved, response, thrown);
    }
}
