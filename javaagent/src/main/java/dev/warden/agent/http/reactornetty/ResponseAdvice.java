package dev.warden.agent.http.reactornetty;

import dev.warden.bootstrap.Gate;
import io.netty.handler.codec.http.HttpResponse;
import net.bytebuddy.asm.Advice;

/**
 * {@code HttpClientOperations.setNettyResponse}: a hop's response status, on the event loop.
 * Library types appear only inside the body (inlined into Reactor Netty, where they resolve), never
 * in the advice's signature, which Byte Buddy reads in Warden's own class loader.
 */
final class ResponseAdvice {

    private ResponseAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.FieldValue("uriEndpoint") Object hop, @Advice.Argument(0) Object response) {
        Gate.httpResponse(hop, ((HttpResponse) response).status().code(), null);
    }
}
