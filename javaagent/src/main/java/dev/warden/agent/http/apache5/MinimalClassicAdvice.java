package dev.warden.agent.http.apache5;

import dev.warden.bootstrap.Gate;
import dev.warden.bootstrap.Governor;
import net.bytebuddy.asm.Advice;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;

/**
 * {@code org.apache.hc.client5.http.impl.classic.MinimalHttpClient.doExecute(target, request,
 * context)}, the client of {@code HttpClients.createMinimal()}: it has no exec chain (no
 * {@code ConnectExec}) and puts exactly one request on the wire per call — it follows no redirect,
 * retries nothing and takes no proxy — so the request is decided here, on the caller's thread,
 * before the endpoint is leased or connected. The target is the host the client routes to, the path
 * the request's. A call without a target (a relative URI) is left to fail as the client fails it.
 * The exit, which records the status, is {@link ClassicConnectAdvice}'s.
 */
final class MinimalClassicAdvice {

    private MinimalClassicAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.Argument(0) Object host, @Advice.Argument(1) Object hop) throws Exception {
        if (host == null || hop == null) {
            return Governor.NOT_GOVERNED;
        }
        ClassicHttpRequest request = (ClassicHttpRequest) hop;
        HttpEntity entity = request.getEntity();
        String url = new StringBuilder(((HttpHost) host).toURI()).append(request.getPath()).toString();
        long token = Gate.http(request, request.getMethod(), url, entity == null ? -1L : entity.getContentLength());
        if (Gate.propagating()) {
            Gate.baggageInto(request);
        }
        return token;
    }
}
