package dev.warden.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncServer;
import org.apache.hc.core5.http.nio.AsyncRequestConsumer;
import org.apache.hc.core5.http.nio.AsyncServerRequestHandler;
import org.apache.hc.core5.http.nio.entity.StringAsyncEntityConsumer;
import org.apache.hc.core5.http.nio.support.AsyncResponseBuilder;
import org.apache.hc.core5.http.nio.support.BasicRequestConsumer;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.impl.nio.bootstrap.H2ServerBootstrap;
import org.apache.hc.core5.http2.ssl.H2ServerTlsStrategy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.ListenerEndpoint;

/**
 * An HTTP/2-only server on loopback — cleartext with prior knowledge, or TLS with ALPN — for the
 * HTTP/2 clients, which the JDK's servers and {@link LoopbackHttpServer} cannot answer: Apache
 * HttpCore 5's (the test JVM has it beside HttpClient 5). The same routes and answers as
 * {@link LoopbackHttpServer}, and every request kept.
 */
final class LoopbackH2Server implements LoopbackServer {

    private final HttpAsyncServer server;
    private final int port;
    private final boolean tls;
    private final List<LoopbackHttpServer.Request> requests = Collections.synchronizedList(new ArrayList<>());

    @SuppressWarnings("deprecation") // HttpCore 5.4's H2ServerBootstrap takes the http2 package's HttpVersionPolicy
    private LoopbackH2Server(SSLContext tlsContext) throws Exception {
        this.tls = tlsContext != null;
        H2ServerBootstrap b = H2ServerBootstrap.bootstrap().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_2)
                .setCanonicalHostName("127.0.0.1") // requests for another authority get 421
                .register("*", new Handler());
        if (tls) {
            b.setTlsStrategy(new H2ServerTlsStrategy(tlsContext));
        }
        server = b.create();
        server.start();
        ListenerEndpoint endpoint = server.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                tls ? URIScheme.HTTPS : URIScheme.HTTP).get(10, TimeUnit.SECONDS);
        port = ((InetSocketAddress) endpoint.getAddress()).getPort();
    }

    /** h2c with prior knowledge. */
    static LoopbackH2Server cleartext() throws Exception {
        return new LoopbackH2Server(null);
    }

    /** h2 over TLS (ALPN). */
    static LoopbackH2Server tls(TestCertificate cert) throws Exception {
        return new LoopbackH2Server(cert.serverContext());
    }

    @Override
    public String base() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port;
    }

    @Override
    public List<LoopbackHttpServer.Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.close(CloseMode.IMMEDIATE);
    }

    private final class Handler implements AsyncServerRequestHandler<Message<HttpRequest, String>> {

        @Override
        public AsyncRequestConsumer<Message<HttpRequest, String>> prepare(HttpRequest request, EntityDetails entity, HttpContext context) {
            return new BasicRequestConsumer<>(entity == null ? null : new StringAsyncEntityConsumer());
        }

        @Override
        public void handle(Message<HttpRequest, String> message, ResponseTrigger trigger, HttpContext context)
                throws HttpException, IOException {
            HttpRequest head = message.getHead();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Header h : head.getHeaders()) {
                headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
            }
            requests.add(new LoopbackHttpServer.Request(head.getMethod(), head.getPath(), headers,
                    message.getBody() == null ? "" : message.getBody()));
            LoopbackHttpServer.Answer a = LoopbackHttpServer.Answer.to(head.getMethod(), head.getPath());
            AsyncResponseBuilder response = AsyncResponseBuilder.create(a.status()).setEntity(a.body(), ContentType.TEXT_PLAIN);
            if (a.location() != null) {
                response.setHeader("Location", a.location());
            }
            trigger.submitResponse(response.build(), context);
        }
    }
}
