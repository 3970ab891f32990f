package dev.warden.agent.http.jdk;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/**
 * {@code jdk.internal.net.http.PlainHttpConnection.connectAsync(Exchange)}: the client opens its
 * TCP connection here, on its pool thread, for an exchange Warden already decided; the connect it
 * makes counts as part of that request (so a proxy needs no allow rule; deny rules still apply).
 */
final class HttpClientConnectAdvice {

    private HttpClientConnectAdvice() {}

    @Advice.OnMethodEnter
    static void enter() {
        Gate.enterDecided();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit() {
        Gate.leaveDecided();
    }
}
