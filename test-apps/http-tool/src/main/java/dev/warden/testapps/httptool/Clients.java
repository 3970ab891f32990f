package dev.warden.testapps.httptool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The HTTP clients AI agents use, one per step kind; each returns {@code <status> <first line of the body>}. */
final class Clients {

    private Clients() {}

    static String perform(String[] s) throws Exception {
        Options o = new Options(s);
        if (o.twice && !o.client.startsWith("okhttp") && !o.client.startsWith("jdk")) {
            throw new IllegalArgumentException("twice is for the clients whose request objects can be sent again, not " + o.client);
        }
        switch (o.client) {
            case "urlconn":
                return urlConnection(o, false);
            case "urlconn-connect":
                return urlConnection(o, true);
            case "jdk":
                return jdk(o, false);
            case "jdk-async":
                return jdk(o, true);
            case "okhttp":
            case "okhttp-async":
                return OkHttpClients.perform(o);
            case "apache5":
            case "apache5-async":
            case "apache5-minimal":
            case "apache5-minimal-async":
            case "apache5-minimal-h2":
            case "apache4":
            case "apache4-legacy":
                return ApacheClients.perform(o);
            case "netty":
                return NettyClients.perform(o);
            default:
                throw new IllegalArgumentException("unknown client " + o.client);
        }
    }

    static void close() {
        OkHttpClients.close();
        NettyClients.close();
    }

    private static String urlConnection(Options o, boolean connectFirst) throws IOException {
        URL url = URI.create(o.url).toURL();
        HttpURLConnection c = (HttpURLConnection) (o.proxyPort > 0
                ? url.openConnection(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", o.proxyPort)))
                : url.openConnection());
        c.setRequestMethod(o.method);
        c.setConnectTimeout(5000);
        c.setReadTimeout(5000);
        if (o.baggage != null) {
            c.setRequestProperty("baggage", o.baggage);
        }
        if (connectFirst) {
            c.connect();
        }
        if (o.body != null) {
            c.setDoOutput(true);
            try (OutputStream out = c.getOutputStream()) {
                out.write(o.body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return status + " " + Options.firstLine(body);
    }

    private static String jdk(Options o, boolean async) throws Exception {
        HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5));
        if (o.proxyPort > 0) {
            b.proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", o.proxyPort)));
        }
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(o.url)).timeout(Duration.ofSeconds(10))
                .method(o.method, o.body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(o.body));
        if (o.baggage != null) {
            r.header("baggage", o.baggage);
        }
        HttpClient client = b.build();
        HttpRequest request = r.build();
        HttpResponse<String> response = send(client, request, async);
        if (o.twice) {
            response = send(client, request, async);
        }
        return response.statusCode() + " " + Options.firstLine(response.body());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request, boolean async) throws Exception {
        return async
                ? client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS)
                : client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
