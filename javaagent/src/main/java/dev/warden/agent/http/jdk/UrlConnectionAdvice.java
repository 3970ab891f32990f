package dev.warden.agent.http.jdk;

import dev.warden.bootstrap.Gate;
import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/**
 * {@code plainConnect0} (before the TCP connect of a new connection) and {@code writeRequests}
 * (before a request goes out on a kept-alive connection): the hop is decided on the connection's
 * current URL, which a followed redirect replaces. The governor decides each (connection, URL)
 * once, however the public methods call each other.
 */
final class UrlConnectionAdvice {

    private UrlConnectionAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.This HttpURLConnection self) throws Exception {
        return Gate.http(self, self.getRequestMethod(), self.getURL(), -1L);
    }

    /** Connected (or sent): the record waits for the status, which {@code getInputStream0} reads. */
    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.This HttpURLConnection self, @Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        if (thrown == null) {
            Gate.httpPark(token, self);
        } else {
            Gate.httpExit(token, -1, thrown);
        }
    }
}
