package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real LangChain4j {@code AiServices} agent (test-apps/langchain4j-agent), unmodified, under the
 * agent jar on JDK 17 and 25, talking to a scripted OpenAI-compatible endpoint on loopback that
 * answers with {@code tool_calls} as the Chat Completions API does: see {@link LangChain4jSession}
 * for what one session does and what is asserted.
 *
 * <p>Then the same session with the OpenTelemetry Java agent in the same JVM, before and after
 * Warden on the command line: every assertion still holds (Warden governs), and OpenTelemetry still
 * traces — its logging exporter (the others off) prints a span for each of the ten model requests
 * and for the CRM's statements (the denied DELETE too when OpenTelemetry comes second).
 */
class LangChain4jIT {

    static final Path OTEL_AGENT = Path.of(System.getProperty("warden.otel.agent", "target/otel/opentelemetry-javaagent.jar"));

    @TempDir
    Path temp;

    LangChain4jSession session;

    @BeforeEach
    void start() throws Exception {
        session = new LangChain4jSession(temp);
    }

    @AfterEach
    void stop() {
        session.close();
    }

    static List<Path> jdks() {
        return Jdks.all();
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("jdks")
    void governsEveryToolCallAndTheModelEndpoint(Path jdk) throws Exception {
        try (ChildJvm child = session.run.start(jdk, List.of(session.run.agentFlag()), session.args())) {
            session.check(child.await(180), jdk);
        }
    }

    static Stream<Arguments> orders() {
        List<Arguments> out = new ArrayList<>();
        for (Path jdk : Jdks.all()) {
            out.add(Arguments.of(jdk, true));
            out.add(Arguments.of(jdk, false));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "on {0}, Warden first: {1}")
    @MethodSource("orders")
    void passesBesideTheOpenTelemetryAgent(Path jdk, boolean wardenFirst) throws Exception {
        assertTrue(Files.isRegularFile(OTEL_AGENT), OTEL_AGENT + " is missing: `mvn verify` copies it there");
        LangChain4jRun run = session.run;
        String otel = "-javaagent:" + OTEL_AGENT.toAbsolutePath();
        List<String> flags = new ArrayList<>(wardenFirst ? List.of(run.agentFlag(), otel) : List.of(otel, run.agentFlag()));
        flags.addAll(List.of("-Dotel.traces.exporter=logging", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none",
                "-Dotel.service.name=support-bot"));
        try (ChildJvm child = run.start(jdk, flags, session.args())) {
            ChildJvm.Result r = child.await(240);
            session.check(r, jdk);

            List<String> spans = r.stderr().stream().filter(l -> l.contains("LoggingSpanExporter - '")).toList();
            String why = String.join("\n", r.stderr());
            assertEquals(10, spans.stream().filter(l -> l.contains("- 'POST' :") && l.contains("io.opentelemetry.java-http-client")).count(),
                    "a span per model request:\n" + why);
            assertTrue(spans.stream().anyMatch(l -> l.contains("- 'GET' :")), why);
            assertTrue(spans.stream().anyMatch(l -> l.contains("- 'SELECT crm.customers' :") && l.contains("io.opentelemetry.jdbc")), why);
            // The agent named later inlines its advice outermost: OpenTelemetry after Warden starts its
            // span before Warden's decision and records the denial as the span's error; before Warden,
            // it never sees the denied call.
            assertEquals(wardenFirst, spans.stream().anyMatch(l -> l.contains("- 'DELETE crm.customers' :")),
                    "the denied statement is traced exactly when OpenTelemetry is named after Warden:\n" + why);
        }
    }
}
