package dev.warden.testapps.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The services an agent calls, on loopback: {@code /v1/chat/completions} (scripted, see
 * {@link ChatCompletionsHandler}), {@code /v1/messages} ({@link MessagesHandler}) and a small
 * ticket API under {@code /api/}. Keeps every request body the model endpoints received, so a test
 * can read what the agent told its model.
 *
 * <p>The JDK's server answers loopback requests ~40 ms late unless the JVM runs with
 * {@code -Dsun.net.httpserver.nodelay=true} (Nagle's algorithm meets delayed ACKs).
 */
public final class ModelServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> chatRequests = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> messagesRequests = Collections.synchronizedList(new ArrayList<>());

    private ModelServer(HttpServer server) {
        this.server = server;
    }

    public static ModelServer start(List<Step> script) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        ModelServer s = new ModelServer(http);
        // A script names this server's own API as ${base}: its port is known only now.
        List<Step> resolved = script.stream().map(st -> st.isAnswer() ? st
                : Step.call(st.tool(), st.arguments().replace("${base}", s.base()))).toList();
        ChatCompletionsHandler chat = new ChatCompletionsHandler(resolved);
        MessagesHandler messages = new MessagesHandler();
        http.createContext("/v1/chat/completions", ex -> s.json(ex, s.chatRequests, chat::answer));
        http.createContext("/v1/messages", ex -> s.json(ex, s.messagesRequests, messages::answer));
        http.createContext("/api/", ex -> reply(ex, 200, "{\"path\":\"" + ex.getRequestURI().getPath()
                + "\",\"open_tickets\":3,\"status\":\"green\"}"));
        http.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "model-server");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        return s;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The request bodies {@code /v1/chat/completions} received, in order. */
    public List<JsonNode> chatRequests() {
        return List.copyOf(chatRequests);
    }

    /** The request bodies {@code /v1/messages} received, in order. */
    public List<JsonNode> messagesRequests() {
        return List.copyOf(messagesRequests);
    }

    private void json(HttpExchange ex, List<JsonNode> received, Function<JsonNode, String> answer) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            reply(ex, 405, "{\"error\":\"POST only\"}");
            return;
        }
        JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
        received.add(body);
        reply(ex, 200, answer.apply(body));
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
