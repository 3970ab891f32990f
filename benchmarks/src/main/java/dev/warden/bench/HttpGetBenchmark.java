package dev.warden.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A GET of a 2-byte body from a loopback server ({@link LoopbackResponder}, kept-alive
 * connections) with {@code java.net.http.HttpClient} ({@code send} and {@code sendAsync}) and with OkHttp: without the agent, and with
 * it allowing the request from its cache. The subclasses differ only in the forked JVM's flags.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class HttpGetBenchmark {

    private LoopbackResponder server;
    private HttpClient jdk;
    private HttpRequest jdkRequest;
    private OkHttpClient okhttp;
    private Request okRequest;

    @Setup
    public void start() throws IOException {
        server = new LoopbackResponder();
        String url = "http://127.0.0.1:" + server.port() + "/bench";
        jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        jdkRequest = HttpRequest.newBuilder(URI.create(url)).build();
        okhttp = new OkHttpClient();
        okRequest = new Request.Builder().url(url).build();
    }

    @TearDown
    public void stop() throws IOException {
        server.close();
        okhttp.dispatcher().executorService().shutdown();
        okhttp.connectionPool().evictAll();
    }

    @Benchmark
    public String jdkHttpClientGet() throws Exception {
        return jdk.send(jdkRequest, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** {@code sendAsync}, waited for: the request's record is written by a completion on its future. */
    @Benchmark
    public String jdkHttpClientSendAsyncGet() throws Exception {
        return jdk.sendAsync(jdkRequest, HttpResponse.BodyHandlers.ofString()).get().body();
    }

    @Benchmark
    public String okHttpGet() throws IOException {
        try (Response r = okhttp.newCall(okRequest).execute()) {
            return r.body().string();
        }
    }

    /** With the agent, only denials recorded ({@code warden.audit.level = denials}). */
    @Fork(value = 2, jvmArgsAppend = {"-javaagent:../javaagent/target/warden-agent.jar=config=policies/http-audit-denials.properties"})
    public static class WithAgentAuditDenials extends HttpGetBenchmark {}

    /** With the agent, every request recorded ({@code warden.audit.level = all}). */
    @Fork(value = 2, jvmArgsAppend = {"-javaagent:../javaagent/target/warden-agent.jar=config=policies/http-audit-all.properties"})
    public static class WithAgentAuditAll extends HttpGetBenchmark {}
}
