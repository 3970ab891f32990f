package dev.warden.testapps.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import java.util.stream.Collectors;

/**
 * Messages API calls through the Anthropic Java SDK as an application makes them (the SDK's default
 * OkHttp client, its default retries): {@code AnthropicAgent BASE_URL|QUESTION ...}, one call per
 * argument, each with a client whose base URL is BASE_URL. Prints {@code OK answer} or
 * {@code ERR Exception: message}, then each cause, {@code <- Exception: message}.
 */
public final class AnthropicAgent {

    private AnthropicAgent() {}

    public static void main(String[] args) {
        for (String arg : args) {
            int bar = arg.indexOf('|');
            String baseUrl = arg.substring(0, bar);
            String question = arg.substring(bar + 1);
            AnthropicClient client = AnthropicOkHttpClient.builder().baseUrl(baseUrl).apiKey("not-needed-on-loopback").build();
            try {
                Message answer = client.messages().create(MessageCreateParams.builder()
                        .model("claude-sonnet-4-5").maxTokens(256).addUserMessage(question).build());
                System.out.println("OK " + answer.content().stream().map(ContentBlock::text)
                        .flatMap(java.util.Optional::stream).map(t -> t.text()).collect(Collectors.joining(" ")));
            } catch (RuntimeException e) {
                StringBuilder line = new StringBuilder("ERR " + e.getClass().getName() + ": " + e.getMessage());
                for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                    line.append(" <- ").append(c.getClass().getName()).append(": ").append(c.getMessage());
                }
                System.out.println(line);
            } finally {
                client.close();
            }
        }
    }
}
