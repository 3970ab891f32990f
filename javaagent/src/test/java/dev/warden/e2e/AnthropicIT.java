package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.testapps.model.ModelServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official Anthropic Java SDK (OkHttp underneath, its default retries), unmodified, under the
 * agent jar on JDK 17 and 25, against a scripted Messages API on loopback: a call to the allowed
 * endpoint is answered and recorded; a call to a base URL the policy does not allow fails inside
 * the SDK with Warden's message and never reaches the server, however often the SDK retries it.
 */
class AnthropicIT {

    @TempDir
    Path temp;

    static final class AnthropicRun extends ToolRun<AnthropicRun> {
        AnthropicRun(Path tempDir) throws Exception {
            super(tempDir, "anthropic-bot");
        }

        ChildJvm.Result run(Path jdk, List<String> calls) throws Exception {
            try (ChildJvm child = ChildJvm.start(jdk, policy, List.of(), classpath("anthropic-agent"),
                    "dev.warden.testapps.anthropic.AnthropicAgent", calls, root)) {
                return child.await(180);
            }
        }
    }

    static List<Path> jdks() {
        return Jdks.all();
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("jdks")
    void governsMessagesApiCalls(Path jdk) throws Exception {
        try (ModelServer server = ModelServer.start(List.of())) {
            String allowed = server.base() + "/v1/messages";
            String staging = server.base() + "/staging/v1/messages";
            AnthropicRun run = new AnthropicRun(temp).policy(
                    "warden.default = deny",
                    "warden.rule.claude.actions = http.POST",
                    "warden.rule.claude.targets = " + allowed,
                    "warden.rule.claude.effect = allow");
            ChildJvm.Result r = run.run(jdk, List.of(server.base() + "|Which tickets are open?",
                    server.base() + "/staging|Which tickets are open?"));
            String why = r.stdout() + "\nstderr: " + r.stderr();

            assertEquals("OK You asked: Which tickets are open?", r.line("OK "), why);
            String denial = "Warden denied http.POST " + staging + ": no rule allows this (default)";
            assertTrue(r.line("ERR ").contains(denial), why);
            assertEquals(0, r.exitCode(), why);
            // Only the allowed call reached the server.
            List<JsonNode> received = server.messagesRequests();
            assertEquals(1, received.size(), received.toString());
            assertEquals("Which tickets are open?", received.get(0).path("messages").path(0).path("content").asText());

            AuditTrail trail = run.trail(jdk);
            JsonNode ok = trail.only("http.POST", allowed);
            assertEquals("allow", ok.path("decision").asText());
            assertEquals("claude", ok.path("rule").asText());
            assertTrue(ok.path("detail").asText().endsWith("status 200"), ok.toString());
            // The SDK retries a failed connect: each attempt is decided, and each is denied.
            List<JsonNode> denied = trail.about("http.POST", staging);
            assertFalse(denied.isEmpty(), trail.toString());
            assertTrue(denied.stream().allMatch(n -> n.path("decision").asText().equals("deny")), denied.toString());
        }
    }
}
