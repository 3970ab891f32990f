package dev.warden.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real LangChain4j {@code AiServices} agent (test-apps/langchain4j-agent), unmodified, under the
 * agent jar on JDK 17 and 25, talking to a scripted OpenAI-compatible endpoint on loopback that
 * answers with {@code tool_calls} as the Chat Completions API does: see {@link LangChain4jSession}
 * for what one session does and what is asserted.
 */
class LangChain4jIT {

    @TempDir
    Path temp;

    GreenMail mail;
    LangChain4jSession session;

    @BeforeEach
    void start() throws Exception {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        session = new LangChain4jSession(temp);
    }

    @AfterEach
    void stop() {
        mail.stop();
        session.run.model.close();
    }

    static List<Path> jdks() {
        return Jdks.all();
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("jdks")
    void governsEveryToolCallAndTheModelEndpoint(Path jdk) throws Exception {
        LangChain4jRun run = session.run;
        try (ChildJvm child = run.start(jdk, List.of(run.agentFlag()),
                run.args(mail.getSmtp().getPort(), "ask=" + LangChain4jSession.QUESTION))) {
            session.check(child.await(180), mail, jdk);
        }
    }
}
