package dev.warden.agent.http.okhttp;

import dev.warden.bootstrap.Gate;
import java.io.IOException;
import net.bytebuddy.asm.Advice;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * {@code okhttp3.internal.connection.RealCall.enterNetworkInterceptorExchange(Request, boolean[,
 * chain])}: {@code RetryAndFollowUpInterceptor} calls it once per hop — the first request and every
 * follow-up (redirect, authentication, 408/503 retry) — before the connection, on the thread that
 * runs the call ({@code execute}'s caller, or the dispatcher's pool for {@code enqueue}). A denial
 * thrown here is outside the interceptor's retry {@code try}: {@code execute} throws it and
 * {@code enqueue} hands it to {@code Callback.onFailure}. {@code false} marks a retry of the same
 * request after a recoverable failure, already decided. OkHttp 4 and 5 alike.
 *
 * <p>Library types appear only in the body (inlined into OkHttp), not in the signature, which Byte
 * Buddy reads in Warden's own class loader.
 */
final class ExchangeAdvice {

    private ExchangeAdvice() {}

    @Advice.OnMethodEnter
    static void enter(@Advice.This Object call, @Advice.Argument(0) Object hop, @Advice.Argument(1) boolean newHop) throws Exception {
        if (newHop) {
            Request request = (Request) hop;
            RequestBody body = request.body();
            long length = -1L;
            if (body != null) {
                try {
                    length = body.contentLength();
                } catch (IOException unknown) {
                    length = -1L;
                }
            }
            // Neither subject nor key is the Request: an application may send one Request object in
            // many calls, even at once (its URL string is the same object too), and each call is a
            // request of its own. newHop tells a retry of the same hop apart; a call's hops follow
            // one another, so the record waits under the call.
            Gate.httpPark(Gate.http(null, request.method(), request.url().toString(), length), call);
        }
    }
}
