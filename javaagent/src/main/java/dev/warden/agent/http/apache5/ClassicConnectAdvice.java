package dev.warden.agent.http.apache5;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

/**
 * {@code org.apache.hc.client5.http.impl.classic.ConnectExec.execute(request, scope, chain)}: once
 * per request on the wire — the first, each redirect, each retry and authentication resend — before
 * the connection is leased or opened, on the caller's thread. The target is the route's
 * ({@code scope.route.getTargetHost()}, port explicit), the path the request's. The exit records
 * the status. Library types only in the body: see {@code OkHttp}'s advice.
 */
final class ClassicConnectAdvice {

    private ClassicConnectAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.Argument(0) Object hop, @Advice.Argument(1) Object execScope) throws Exception {
        ClassicHttpRequest request = (ClassicHttpRequest) hop;
        ExecChain.Scope scope = (ExecChain.Scope) execScope;
        HttpEntity entity = request.getEntity();
        String url = new StringBuilder(scope.route.getTargetHost().toURI()).append(request.getPath()).toString();
        long token = Gate.http(request, request.getMethod(), url, entity == null ? -1L : entity.getContentLength());
        if (Gate.propagating()) {
            Gate.baggageInto(request);
        }
        return token;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Return Object response, @Advice.Thrown Throwable thrown) {
        Gate.httpExit(token, response == null ? -1 : ((ClassicHttpResponse) response).getCode(), thrown);
    }
}
