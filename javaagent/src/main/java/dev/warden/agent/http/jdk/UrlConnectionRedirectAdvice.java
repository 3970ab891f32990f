package dev.warden.agent.http.jdk;

import dev.warden.bootstrap.Gate;
import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/**
 * {@code followRedirect0(location, status, url)}: the hop that answered with a redirect gets its
 * status ({@code 302}) before the next hop, to the new URL, is decided.
 */
final class UrlConnectionRedirectAdvice {

    private UrlConnectionRedirectAdvice() {}

    @Advice.OnMethodEnter
    static void enter(@Advice.This HttpURLConnection self, @Advice.Argument(1) int status) {
        Gate.httpResponse(self, status, null);
    }
}
