package dev.warden.testapps.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible {@code POST /v1/chat/completions} that answers from a script: a step that
 * calls a tool becomes an assistant message with {@code tool_calls} and {@code finish_reason =
 * tool_calls}, exactly as the Chat Completions API sends it; the final answer lists the
 * {@code tool} messages the client sent back since the last user message, so whatever a tool
 * returned (or the error it reported) is visible in the answer.
 */
final class ChatCompletionsHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Step> script;
    private final AtomicInteger next = new AtomicInteger();

    ChatCompletionsHandler(List<Step> script) {
        this.script = List.copyOf(script);
    }

    String answer(JsonNode request) {
        int n = next.getAndIncrement();
        Step step = n < script.size() ? script.get(n) : Step.answer();
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        String finish;
        if (step.isAnswer()) {
            message.put("content", summary(request.path("messages")));
            finish = "stop";
        } else {
            message.putNull("content");
            ObjectNode call = message.putArray("tool_calls").addObject();
            call.put("id", "call_" + (n + 1)).put("type", "function");
            call.putObject("function").put("name", step.tool()).put("arguments", step.arguments());
            finish = "tool_calls";
        }
        ObjectNode response = JSON.createObjectNode();
        response.put("id", "chatcmpl-scripted-" + (n + 1)).put("object", "chat.completion")
                .put("created", 1_700_000_000L).put("model", request.path("model").asText("scripted"));
        ArrayNode choices = response.putArray("choices");
        choices.addObject().put("index", 0).put("finish_reason", finish).set("message", message);
        response.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
        return response.toString();
    }

    /** The tool results since the last user message, one per line. */
    private static String summary(JsonNode messages) {
        List<String> results = new ArrayList<>();
        for (JsonNode m : messages) {
            if ("user".equals(m.path("role").asText())) {
                results.clear();
            } else if ("tool".equals(m.path("role").asText())) {
                results.add("- " + m.path("content").asText());
            }
        }
        return results.isEmpty() ? "I did not need any tool." : "Here is what my tools returned:\n" + String.join("\n", results);
    }
}
