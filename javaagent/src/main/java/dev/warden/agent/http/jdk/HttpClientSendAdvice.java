package dev.warden.agent.http.jdk;

import dev.warden.bootstrap.Gate;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@code jdk.internal.net.http.HttpClientImpl}'s private four-argument {@code sendAsync}, which
 * {@code send} and both public {@code sendAsync} funnel into, on the caller's thread. A denied
 * request never starts: the future returned is already failed with the {@code IOException}
 * ({@code send} rethrows it as an {@code IOException} with the same message). An allowed one is
 * recorded when its future completes.
 */
final class HttpClientSendAdvice {

    private HttpClientSendAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static Throwable enter(@Advice.Argument(value = 0, readOnly = false) HttpRequest request, @Advice.Local("token") long token) {
        long body = request.bodyPublisher().isPresent() ? request.bodyPublisher().get().contentLength() : -1L;
        Throwable denial = Gate.httpOrDenial(null, request.method(), request.uri(), body);
        token = Gate.lastToken();
        if (denial == null && Gate.propagating()) {
            request = (HttpRequest) Gate.withBaggage(request);
        }
        return denial;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter Throwable denial, @Advice.Local("token") long token,
            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result, @Advice.Thrown Throwable thrown) {
        if (denial != null) {
            result = CompletableFuture.failedFuture(denial);
        } else if (thrown != null) {
            Gate.httpExit(token, -1, thrown);
        } else {
            Gate.httpAsync(token, result);
        }
    }
}
