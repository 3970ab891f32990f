package dev.warden.agent.http.jdk;

import dev.warden.bootstrap.Gate;
import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/**
 * {@code getOutputStream0} and {@code getInputStream0}, behind {@code getOutputStream},
 * {@code getInputStream}, {@code getResponseCode} and the header getters: the request as the
 * application sees it, with the response status once read. {@code getOutputStream} turns a
 * {@code GET} into a {@code POST} (for compatibility) after this advice runs: decided as the
 * {@code POST} it becomes.
 */
final class UrlConnectionStreamAdvice {

    private UrlConnectionStreamAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.This HttpURLConnection self, @Advice.Origin("#m") String name,
            @Advice.FieldValue("fixedContentLength") int fixedLength,
            @Advice.FieldValue("fixedContentLengthLong") long fixedLengthLong) throws Exception {
        String method = self.getRequestMethod();
        if (name.equals("getOutputStream0") && self.getDoOutput() && "GET".equals(method)) {
            method = "POST";
        }
        return Gate.http(self, method, self.getURL(), fixedLengthLong >= 0 ? fixedLengthLong : fixedLength);
    }

    /**
     * {@code getOutputStream0}: the request is on its way, its record waits for the status.
     * {@code getInputStream0}: the status completes the record of the connection's last hop, and
     * this call's own.
     */
    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.This HttpURLConnection self, @Advice.Origin("#m") String name, @Advice.Enter long token,
            @Advice.FieldValue("responseCode") int status, @Advice.Thrown Throwable thrown) {
        if (name.equals("getOutputStream0") && thrown == null) {
            Gate.httpPark(token, self);
        } else {
            Gate.httpResponse(self, status, thrown);
            Gate.httpExit(token, status, thrown);
        }
    }
}
