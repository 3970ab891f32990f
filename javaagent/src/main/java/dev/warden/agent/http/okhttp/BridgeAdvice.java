package dev.warden.agent.http.okhttp;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * {@code okhttp3.internal.http.BridgeInterceptor.intercept(Chain)}: runs once per hop that was
 * decided, around the connect and the exchange, on the call's thread. The connects it makes there
 * are part of the decided request; its exit records the hop's status or failure.
 */
final class BridgeAdvice {

    private BridgeAdvice() {}

    @Advice.OnMethodEnter
    static void enter() {
        Gate.enterDecided();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Argument(0) Object chain, @Advice.Return Object response, @Advice.Thrown Throwable thrown) {
        Gate.leaveDecided();
        Gate.httpResponse(((Interceptor.Chain) chain).call(), response == null ? -1 : ((Response) response).code(), thrown);
    }
}
