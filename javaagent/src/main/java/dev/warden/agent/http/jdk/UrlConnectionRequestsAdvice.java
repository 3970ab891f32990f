package dev.warden.agent.http.jdk;

import dev.warden.bootstrap.Gate;
import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/**
 * {@code writeRequests}: decides a hop that reuses a kept-alive connection (a redirect to the same
 * host), and adds the {@code baggage} header to the headers about to be written (the connection's
 * {@code requests}, a {@code sun.net.www.MessageHeader}, rebuilt for every hop).
 */
final class UrlConnectionRequestsAdvice {

    private UrlConnectionRequestsAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.This HttpURLConnection self, @Advice.FieldValue("requests") Object requests) throws Exception {
        long token = Gate.http(self, self.getRequestMethod(), self.getURL(), -1L);
        if (Gate.propagating()) {
            Gate.baggageInto(requests);
        }
        return token;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.This HttpURLConnection self, @Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        if (thrown == null) {
            Gate.httpPark(token, self);
        } else {
            Gate.httpExit(token, -1, thrown);
        }
    }
}
