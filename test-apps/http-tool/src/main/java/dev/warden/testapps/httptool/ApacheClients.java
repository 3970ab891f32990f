package dev.warden.testapps.httptool;

import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import java.net.URI;

/**
 * Apache HttpClient 5 (classic and async, and the minimal ones of {@code createMinimal()} and
 * {@code createHttp2Minimal()}) and 4.5 (its builder's clients, and the deprecated {@code DefaultHttpClient}).
 * The minimal clients follow no redirect and take no proxy.
 */
final class ApacheClients {

    private ApacheClients() {}

    static String perform(Options o) throws Exception {
        if (o.client.startsWith("apache5-minimal") && o.proxyPort > 0) {
            throw new IllegalArgumentException("a minimal client connects directly: it takes no proxy");
        }
        switch (o.client) {
            case "apache5":
                return classic5(o, classicBuilder(o).build());
            case "apache5-async":
                return async5(o, asyncBuilder(o).build());
            case "apache5-minimal":
                return classic5(o, HttpClients.createMinimal());
            case "apache5-minimal-async":
                return async5(o, o.closedPool ? minimalWithClosedPool() : HttpAsyncClients.createMinimal());
            case "apache5-minimal-h2":
                return async5(o, HttpAsyncClients.createHttp2Minimal());
            case "apache4-legacy":
                return legacy4(o);
            default:
                return classic4(o);
        }
    }

    private static org.apache.hc.client5.http.impl.classic.HttpClientBuilder classicBuilder(Options o) {
        org.apache.hc.client5.http.impl.classic.HttpClientBuilder b = HttpClients.custom().useSystemProperties();
        if (o.proxyPort > 0) {
            b.setProxy(new HttpHost("http", "127.0.0.1", o.proxyPort));
        }
        return b;
    }

    private static org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder asyncBuilder(Options o) {
        org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder b = HttpAsyncClients.custom().useSystemProperties();
        if (o.proxyPort > 0) {
            b.setProxy(new HttpHost("http", "127.0.0.1", o.proxyPort));
        }
        return b;
    }

    /** A minimal async client whose connection manager is closed: started, it still takes requests, and fails each at its lease. */
    private static CloseableHttpAsyncClient minimalWithClosedPool() {
        PoolingAsyncClientConnectionManager manager = PoolingAsyncClientConnectionManagerBuilder.create().build();
        CloseableHttpAsyncClient client = HttpAsyncClients.createMinimal(manager);
        manager.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
        return client;
    }

    private static String classic5(Options o, CloseableHttpClient built) throws Exception {
        try (CloseableHttpClient client = built) {
            HttpUriRequestBase request = new HttpUriRequestBase(o.method, URI.create(o.url));
            if (o.body != null) {
                request.setEntity(new StringEntity(o.body, ContentType.TEXT_PLAIN));
            }
            if (o.baggage != null) {
                request.setHeader("baggage", o.baggage);
            }
            return client.execute(request, response -> response.getCode() + " "
                    + Options.firstLine(response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity())));
        }
    }

    private static String async5(Options o, CloseableHttpAsyncClient built) throws Exception {
        try (CloseableHttpAsyncClient client = built) {
            client.start();
            SimpleRequestBuilder rb = SimpleRequestBuilder.create(o.method).setUri(URI.create(o.url));
            if (o.body != null) {
                rb.setBody(o.body, ContentType.TEXT_PLAIN);
            }
            if (o.baggage != null) {
                rb.setHeader("baggage", o.baggage);
            }
            SimpleHttpRequest request = rb.build();
            SimpleHttpResponse response = client.execute(request, null).get(10, TimeUnit.SECONDS);
            return response.getCode() + " " + Options.firstLine(response.getBodyText() == null ? "" : response.getBodyText());
        }
    }

    private static String classic4(Options o) throws Exception {
        org.apache.http.impl.client.HttpClientBuilder b = org.apache.http.impl.client.HttpClients.custom().useSystemProperties();
        if (o.proxyPort > 0) {
            b.setProxy(new org.apache.http.HttpHost("127.0.0.1", o.proxyPort, "http"));
        }
        try (org.apache.http.impl.client.CloseableHttpClient client = b.build()) {
            org.apache.http.client.methods.RequestBuilder rb = org.apache.http.client.methods.RequestBuilder.create(o.method).setUri(o.url);
            if (o.body != null) {
                rb.setEntity(new org.apache.http.entity.StringEntity(o.body, org.apache.http.entity.ContentType.TEXT_PLAIN));
            }
            if (o.baggage != null) {
                rb.setHeader("baggage", o.baggage);
            }
            try (org.apache.http.client.methods.CloseableHttpResponse response = client.execute(rb.build())) {
                return response.getStatusLine().getStatusCode() + " " + Options.firstLine(
                        response.getEntity() == null ? "" : org.apache.http.util.EntityUtils.toString(response.getEntity()));
            }
        }
    }

    /** The deprecated {@code DefaultHttpClient}, still in old code: it trusts what the JVM trusts. */
    @SuppressWarnings("deprecation")
    private static String legacy4(Options o) throws Exception {
        org.apache.http.impl.client.DefaultHttpClient client = new org.apache.http.impl.client.DefaultHttpClient();
        try {
            if (o.proxyPort > 0) {
                client.getParams().setParameter(org.apache.http.conn.params.ConnRoutePNames.DEFAULT_PROXY,
                        new org.apache.http.HttpHost("127.0.0.1", o.proxyPort, "http"));
            }
            org.apache.http.client.methods.RequestBuilder rb = org.apache.http.client.methods.RequestBuilder.create(o.method).setUri(o.url);
            if (o.body != null) {
                rb.setEntity(new org.apache.http.entity.StringEntity(o.body, org.apache.http.entity.ContentType.TEXT_PLAIN));
            }
            if (o.baggage != null) {
                rb.setHeader("baggage", o.baggage);
            }
            org.apache.http.HttpResponse response = client.execute(rb.build());
            return response.getStatusLine().getStatusCode() + " " + Options.firstLine(
                    response.getEntity() == null ? "" : org.apache.http.util.EntityUtils.toString(response.getEntity()));
        } finally {
            client.getConnectionManager().shutdown();
        }
    }
}
