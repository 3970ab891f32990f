package dev.warden.agent.http.reactornetty;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/**
 * {@code reactor.netty.http.client.HttpConnectionProvider.acquire(config, observer, remoteAddress,
 * resolver)}: called once per hop — the first request on the subscriber's thread, each redirect on
 * the event loop (the redirect re-subscribes) — before a connection is acquired. Its
 * {@code remoteAddress} supplier is the request's {@code HttpClientHandler}. A denial thrown here
 * is caught by Reactor's {@code Mono.create} and fails the request's {@code Mono} with the
 * {@code IOException} ({@code block()} throws it wrapped in Reactor's {@code ReactiveException}).
 */
final class AcquireAdvice {

    private AcquireAdvice() {}

    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(2) Object remoteAddress) throws Exception {
        Gate.httpPending(Gate.CLIENT_REACTOR_NETTY, remoteAddress);
    }
}
