package dev.warden.agent.http.apache5;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * {@code org.apache.hc.client5.http.impl.async.AsyncConnectExec.execute(request, entity, scope,
 * chain, callback)}: once per request on the wire, before the endpoint is leased — the first hop
 * on the caller's thread, redirects on the dispatch thread. A denial thrown here reaches the
 * caller's future and {@code FutureCallback.failed}. The callback is replaced by one that records
 * the hop's status or failure; the connect itself happens on the I/O reactor's thread.
 */
final class AsyncConnectAdvice {

    private AsyncConnectAdvice() {}

    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(0) Object hop, @Advice.Argument(1) Object producer, @Advice.Argument(2) Object execScope,
            @Advice.Argument(value = 4, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object callback) throws Exception {
        HttpRequest request = (HttpRequest) hop;
        AsyncExecChain.Scope scope = (AsyncExecChain.Scope) execScope;
        String url = new StringBuilder(scope.route.getTargetHost().toURI()).append(request.getPath()).toString();
        long length = producer == null ? -1L : ((AsyncEntityProducer) producer).getContentLength();
        long token = Gate.http(request, request.getMethod(), url, length);
        if (scope.route.getProxyHost() != null) {
            Gate.httpVia(scope.route.getProxyHost().getHostName(), scope.route.getProxyHost().getPort());
        }
        callback = Gate.httpCallback(token, callback, AsyncExecCallback.class);
        if (Gate.propagating()) {
            Gate.baggageInto(request);
        }
    }
}
