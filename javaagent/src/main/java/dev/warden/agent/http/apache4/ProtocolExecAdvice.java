package dev.warden.agent.http.apache4;

import dev.warden.bootstrap.Gate;
import java.net.URI;
import net.bytebuddy.asm.Advice;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpRequestWrapper;
import org.apache.http.conn.routing.HttpRoute;

/**
 * {@code org.apache.http.impl.execchain.ProtocolExec.execute(route, request, context, aware)} (and
 * {@code MinimalClientExec}'s, for {@code HttpClients.createMinimal()}): once per first request,
 * redirect and retry, before {@code MainClientExec} connects, on the caller's thread. The target
 * is the route's host, the path the request's (it may have been rewritten to a relative one).
 *
 * <p>HttpClient 4.5 is compiled for Java 6: this advice must hold no {@code invokedynamic} (no
 * lambdas; the agent is compiled with {@code -XDstringConcat=inline}).
 */
final class ProtocolExecAdvice {

    private ProtocolExecAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.Argument(0) Object routeArg, @Advice.Argument(1) Object hop) throws Exception {
        HttpRoute route = (HttpRoute) routeArg;
        HttpRequestWrapper request = (HttpRequestWrapper) hop;
        URI uri = request.getURI();
        String path = uri == null ? request.getOriginal().getRequestLine().getUri()
                : uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String url = new StringBuilder(route.getTargetHost().toURI()).append(path).toString();
        long length = -1L;
        if (request instanceof HttpEntityEnclosingRequest) {
            HttpEntity entity = ((HttpEntityEnclosingRequest) request).getEntity();
            length = entity == null ? -1L : entity.getContentLength();
        }
        long token = Gate.http(request, request.getMethod(), url, length);
        if (Gate.propagating()) {
            StringBuilder existing = new StringBuilder();
            Header[] headers = request.getHeaders("baggage");
            for (int i = 0; i < headers.length; i++) {
                existing.append(existing.length() == 0 ? "" : ",").append(headers[i].getValue());
            }
            String merged = Gate.baggage(existing.length() == 0 ? null : existing.toString());
            if (merged != null) {
                // setHeader would replace the first line only: an application's second baggage line stayed beside the merged one
                request.removeHeaders("baggage");
                request.addHeader("baggage", merged);
            }
        }
        return token;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Return Object response, @Advice.Thrown Throwable thrown) {
        Gate.httpExit(token, response == null ? -1 : ((CloseableHttpResponse) response).getStatusLine().getStatusCode(), thrown);
    }
}
