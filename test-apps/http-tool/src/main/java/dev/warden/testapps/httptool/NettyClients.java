package dev.warden.testapps.httptool;

import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.transport.ProxyProvider;

/** Reactor Netty's {@code HttpClient}, the client under Spring's {@code WebClient}. */
final class NettyClients {

    private NettyClients() {}

    static String perform(Options o) {
        HttpClient client = HttpClient.create().followRedirect(true).responseTimeout(Duration.ofSeconds(10));
        if (o.proxyPort > 0) {
            client = client.proxy(p -> p.type(ProxyProvider.Proxy.HTTP).host("127.0.0.1").port(o.proxyPort));
        }
        if (o.baggage != null) {
            client = client.headers(h -> h.set("baggage", o.baggage));
        }
        HttpClient.RequestSender sender = client.request(HttpMethod.valueOf(o.method)).uri(o.url);
        HttpClient.ResponseReceiver<?> receiver = o.body == null ? sender : sender.send(ByteBufFlux.fromString(Mono.just(o.body)));
        return receiver.responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                        .map(text -> response.status().code() + " " + Options.firstLine(text)))
                .block(Duration.ofSeconds(15));
    }

    static void close() {
        // Reactor Netty's shared resources are daemon threads; nothing to release for a one-shot tool.
    }
}
