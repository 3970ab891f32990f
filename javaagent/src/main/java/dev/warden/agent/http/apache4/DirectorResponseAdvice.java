package dev.warden.agent.http.apache4;

import dev.warden.bootstrap.Gate;
import java.net.URI;
import net.bytebuddy.asm.Advice;
import org.apache.http.HttpEntity;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpResponse;
import org.apache.http.impl.client.RequestWrapper;
import org.apache.http.impl.client.RoutedRequest;

/**
 * {@code DefaultRequestDirector.handleResponse(hop, response, context)}: called with every hop's
 * response. Its status completes the hop's record; the hop it returns (a redirect, an
 * authentication resend) is a new request, decided before the director connects for it. A denial
 * thrown here leaves {@code execute} as the {@code IOException}.
 */
final class DirectorResponseAdvice {

    private DirectorResponseAdvice() {}

    @Advice.OnMethodEnter
    static void enter(@Advice.This Object director, @Advice.Argument(1) Object response) {
        Gate.httpResponse(director, response == null ? -1 : ((HttpResponse) response).getStatusLine().getStatusCode(), null);
    }

    @Advice.OnMethodExit
    static void exit(@Advice.This Object director, @Advice.Return Object next) throws Exception {
        if (next != null) {
            RoutedRequest hop = (RoutedRequest) next;
            RequestWrapper request = hop.getRequest();
            URI uri = request.getURI();
            String url = uri.isAbsolute() ? uri.toString() : new StringBuilder(hop.getRoute().getTargetHost().toURI())
                    .append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath()).toString();
            long length = -1L;
            if (request instanceof HttpEntityEnclosingRequest) {
                HttpEntity entity = ((HttpEntityEnclosingRequest) request).getEntity();
                length = entity == null ? -1L : entity.getContentLength();
            }
            Gate.httpPark(Gate.http(null, request.getMethod(), url, length), director);
        }
    }
}
