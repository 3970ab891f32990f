package dev.warden.testapps.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An Anthropic-compatible {@code POST /v1/messages}: answers every request with one text block
 * that quotes the last user message, in the Messages API's response shape.
 */
final class MessagesHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicInteger next = new AtomicInteger();

    String answer(JsonNode request) {
        String asked = "";
        for (JsonNode m : request.path("messages")) {
            if ("user".equals(m.path("role").asText())) {
                JsonNode content = m.path("content");
                asked = content.isTextual() ? content.asText() : content.path(0).path("text").asText();
            }
        }
        ObjectNode response = JSON.createObjectNode();
        response.put("id", "msg_scripted_" + next.incrementAndGet()).put("type", "message").put("role", "assistant")
                .put("model", request.path("model").asText("scripted"));
        response.putArray("content").addObject().put("type", "text").put("text", "You asked: " + asked);
        response.put("stop_reason", "end_turn").putNull("stop_sequence");
        response.putObject("usage").put("input_tokens", 10).put("output_tokens", 5);
        return response.toString();
    }
}
