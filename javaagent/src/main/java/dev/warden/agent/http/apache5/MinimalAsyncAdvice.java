package dev.warden.agent.http.apache5;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncClientExchangeHandler;

/**
 * The {@code RequestChannel} lambda's body inside {@code MinimalHttpAsyncClient.execute} and
 * {@code MinimalH2AsyncClient.execute} (see {@link RequestChannelBody}): the clients of
 * {@code HttpAsyncClients.createMinimal()} and {@code createHttp2Minimal()}, which have no exec
 * chain. It runs once per request, when the exchange handler produces the request head (on the
 * caller's thread for the client's {@code execute} methods), before the endpoint is leased or the
 * HTTP/2 session found — these clients follow no redirect and take no proxy. A denial thrown here
 * reaches {@code execute}, which fails the exchange handler with it: the caller's future and
 * {@code FutureCallback.failed}. When allowed, the captured exchange handler, where the response or
 * the failure arrives (on the I/O reactor's thread), is replaced by one that records them (or, should
 * the body throw after all, the exit records that); the target
 * is the one the client builds its route from, {@code new HttpHost(scheme, authority)}.
 */
final class MinimalAsyncAdvice {

    private MinimalAsyncAdvice() {}

    @Advice.OnMethodEnter
    static Object enter(@Advice.AllArguments(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object[] args) throws Exception {
        int n = args.length;
        HttpRequest request = (HttpRequest) args[n - 3];
        EntityDetails entity = (EntityDetails) args[n - 2];
        String url = new StringBuilder(new HttpHost(request.getScheme(), request.getAuthority()).toURI())
                .append(request.getPath()).toString();
        long token = Gate.http(request, request.getMethod(), url, entity == null ? -1L : entity.getContentLength());
        if (Gate.propagating()) {
            Gate.baggageInto(request);
        }
        for (int i = 0; i < n - 3; i++) {
            if (args[i] instanceof AsyncClientExchangeHandler) {
                Object recording = Gate.httpCallback(token, args[i], AsyncClientExchangeHandler.class);
                if (recording == args[i]) {
                    return null;
                }
                Object[] replaced = args.clone();
                replaced[i] = recording;
                args = replaced;
                return recording;
            }
        }
        return null;
    }

    /** The body threw after the request was allowed (its lease refused at once: a pool shut down meanwhile), so the handler is never called. */
    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter Object recording, @Advice.Thrown Throwable thrown) {
        if (thrown != null && recording != null) {
            Gate.httpCallbackUnused(recording, thrown);
        }
    }
}
