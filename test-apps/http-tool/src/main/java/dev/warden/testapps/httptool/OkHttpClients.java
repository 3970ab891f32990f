package dev.warden.testapps.httptool;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** OkHttp (the client under the OpenAI and Anthropic Java SDKs): {@code execute} and {@code enqueue}. */
final class OkHttpClients {

    private static OkHttpClient shared;

    private OkHttpClients() {}

    static String perform(Options o) throws Exception {
        OkHttpClient client = client(o);
        Request.Builder b = new Request.Builder().url(o.url)
                .method(o.method, o.body == null ? null : RequestBody.create(o.body, MediaType.get("text/plain")));
        if (o.baggage != null) {
            b.header("baggage", o.baggage);
        }
        Request request = b.build();
        try {
            if (o.twice) {
                execute(o, client.newCall(request));
            }
            return execute(o, client.newCall(request));
        } finally {
            if (client != shared) {
                // its dispatcher's threads are not daemons: they would hold the JVM for a minute
                client.dispatcher().executorService().shutdown();
                client.connectionPool().evictAll();
            }
        }
    }

    private static String execute(Options o, Call call) throws Exception {
        if (o.client.endsWith("-async")) {
            CompletableFuture<String> result = new CompletableFuture<>();
            call.enqueue(new Callback() {
                @Override
                public void onFailure(Call c, IOException e) {
                    result.completeExceptionally(e);
                }

                @Override
                public void onResponse(Call c, Response response) throws IOException {
                    try (response) {
                        result.complete(response.code() + " " + Options.firstLine(response.body().string()));
                    }
                }
            });
            return result.get(10, TimeUnit.SECONDS);
        }
        try (Response response = call.execute()) {
            return response.code() + " " + Options.firstLine(response.body().string());
        }
    }

    private static synchronized OkHttpClient client(Options o) {
        if (o.proxyPort > 0) {
            return new OkHttpClient.Builder().proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", o.proxyPort))).build();
        }
        if (shared == null) {
            shared = new OkHttpClient.Builder().callTimeout(10, TimeUnit.SECONDS).build();
        }
        return shared;
    }

    static synchronized void close() {
        if (shared != null) {
            shared.dispatcher().executorService().shutdown();
            shared.connectionPool().evictAll();
        }
    }
}
