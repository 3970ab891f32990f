package dev.warden.agent.http.apache4;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;
import org.apache.http.HttpEntity;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;

/**
 * {@code org.apache.http.impl.client.DefaultRequestDirector.execute(target, request, context)}: the
 * deprecated {@code DefaultHttpClient} family ({@code AbstractHttpClient} and its subclasses) makes
 * one director per request, and the director follows redirects itself, without the exec chain
 * {@link ProtocolExecAdvice} advises. The first hop is decided here, before any connect, and its
 * record waits under the director for {@link DirectorResponseAdvice}; the connects the director
 * makes on this thread are part of the request.
 *
 * <p>Compiled for Java 6 like {@link ProtocolExecAdvice}: no {@code invokedynamic}.
 */
final class DirectorExecuteAdvice {

    private DirectorExecuteAdvice() {}

    @Advice.OnMethodEnter
    static void enter(@Advice.This Object director, @Advice.Argument(0) Object targetArg, @Advice.Argument(1) Object hop) throws Exception {
        HttpHost target = (HttpHost) targetArg;
        HttpRequest request = (HttpRequest) hop;
        String uri = request.getRequestLine().getUri();
        String url = target == null || uri.contains("://") ? uri : new StringBuilder(target.toURI()).append(uri).toString();
        long length = -1L;
        if (request instanceof HttpEntityEnclosingRequest) {
            HttpEntity entity = ((HttpEntityEnclosingRequest) request).getEntity();
            length = entity == null ? -1L : entity.getContentLength();
        }
        Gate.httpPark(Gate.http(null, request.getRequestLine().getMethod(), url, length), director);
        Gate.enterDecided();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.This Object director, @Advice.Thrown Throwable thrown) {
        Gate.leaveDecided();
        if (thrown != null) {
            Gate.httpResponse(director, -1, thrown); // the hop in flight failed (a hop answered is recorded already)
        }
    }
}
