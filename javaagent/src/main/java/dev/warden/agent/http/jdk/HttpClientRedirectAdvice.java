package dev.warden.agent.http.jdk;

import dev.warden.bootstrap.Gate;
import java.net.http.HttpRequest;
import net.bytebuddy.asm.Advice;

/**
 * {@code jdk.internal.net.http.MultiExchange.responseFilters(Response)}: returns the next request
 * when a filter (the redirect filter, the authentication filter) wants one. That request is a new
 * hop and is decided here, on the client's pool thread, before it is sent; a denial is an
 * {@code IOException} the exchange turns into the failure of the whole request.
 */
final class HttpClientRedirectAdvice {

    private HttpClientRedirectAdvice() {}

    @Advice.OnMethodExit
    static void exit(@Advice.Return Object next) throws Exception {
        if (next instanceof HttpRequest) {
            HttpRequest r = (HttpRequest) next;
            // Plain IOException: the client retries a ConnectException once. The hop's record waits
            // for the final response, whose chain of previous responses names each hop's request.
            Gate.httpPark(Gate.httpPlainIo(r, r.method(), r.uri(), -1L), r);
        }
    }
}
