package dev.warden.agent.http.okhttp;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import okhttp3.Request;

/**
 * {@code RealCall(OkHttpClient, Request, boolean)}, OkHttp 4 and 5's only constructor of a call:
 * replaces the (immutable) request with one carrying the {@code baggage} header. Redirect hops copy
 * it; merging is idempotent, so a hop that already carries it is unchanged.
 */
final class BaggageAdvice {

    private BaggageAdvice() {}

    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object original) {
        if (!Gate.propagating()) {
            return;
        }
        Request request = (Request) original;
        String existing = String.join(",", request.headers("baggage"));
        String merged = Gate.baggage(existing.isEmpty() ? null : existing);
        if (merged != null) {
            original = request.newBuilder().header("baggage", merged).build();
        }
    }
}
