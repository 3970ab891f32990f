package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.testapps.model.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code java -jar warden-agent.jar attach PID --config F} on the LangChain4j agent while it runs
 * ungoverned, between two questions: the first question reads a secret and queries H2 unhindered
 * (loading the JDK's file, HTTP and H2's JDBC classes), Warden is attached, and the second question's
 * same calls are decided — the file read and the DELETE denied (H2's classes were loaded before:
 * retransformed), the model's POSTs recorded. JDK 17 and 25; and a hardened JVM refuses the attach.
 */
class AttachIT {

    /** An unused SMTP port: these questions send no mail. */
    static final int NO_SMTP = 9;

    @TempDir
    Path temp;

    LangChain4jRun run;
    String secret;

    @BeforeEach
    void start() throws Exception {
        Path root = temp.toRealPath();
        String readSecret = "{\"path\":\"" + root.resolve("secrets/api-key.txt") + "\"}";
        run = new LangChain4jRun(temp, List.of(
                Step.call("readFile", readSecret),
                Step.call("queryDatabase", "{\"sql\":\"SELECT name FROM customers WHERE id = 1\"}"),
                Step.answer(),
                Step.call("readFile", readSecret),
                Step.call("queryDatabase", "{\"sql\":\"DELETE FROM customers\"}"),
                Step.call("queryDatabase", "{\"sql\":\"SELECT COUNT(*) AS n FROM customers\"}"),
                Step.answer()));
        secret = run.secrets.resolve("api-key.txt").toString();
    }

    @AfterEach
    void stop() {
        run.model.close();
    }

    static List<Path> jdks() {
        return Jdks.all();
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("jdks")
    void callsAfterTheAttachAreGoverned(Path jdk) throws Exception {
        // JDK 21+ warns when an agent is loaded late unless the JVM says it expects one (JEP 451).
        List<String> flags = Jdks.feature(jdk) >= 21 ? List.of("-XX:+EnableDynamicAgentLoading") : List.of();
        try (ChildJvm child = run.start(jdk, flags, run.args(NO_SMTP, "stdin"))) {
            ask(child, "question one", 2);
            ChildJvm.Result attach = ChildJvm.cli(jdk, "attach", Long.toString(child.pid()), "--config", run.policy.toString());
            assertEquals(0, attach.exitCode(), attach.toString());
            assertTrue(attach.line("attached Warden to process " + child.pid()).contains(run.policy.toString()), attach.toString());
            ChildJvm.Result again = ChildJvm.cli(jdk, "attach", Long.toString(child.pid()), "--config", run.policy.toString());
            assertEquals(1, again.exitCode(), "a second attach is refused: " + again);
            ask(child, "question two", 3);
            child.sendLine("");
            ChildJvm.Result r = child.await(60);
            String why = r.stdout() + "\nstderr: " + r.stderr();
            assertEquals(List.of(
                    "TOOL OK readFile: sk-live-do-not-leak",
                    "TOOL OK queryDatabase: name=Ada Lovelace",
                    "TOOL ERR readFile: dev.warden.agent.governor.WardenAccessDeniedException: Warden denied file.read " + secret
                            + ": secrets stay secret (rule no-secrets)",
                    "TOOL ERR queryDatabase: java.sql.SQLException: Warden denied sql.DELETE public.customers: agents never erase data (rule no-erase)",
                    "TOOL OK queryDatabase: n=2"),
                    r.stdout().stream().filter(l -> l.startsWith("TOOL ")).toList(), why);
            assertTrue(r.stderr().stream().noneMatch(l -> l.contains("loaded dynamically")), "no JEP 451 warning with the flag: " + r.stderr());
            assertTrue(r.stderr().stream().anyMatch(l -> l.contains("Warden is already loaded in this JVM")), why);

            // The trail begins at the attach: the second question only.
            String chat = "allow http.POST " + run.model.base() + "/v1/chat/completions";
            LangChain4jSession view = new LangChain4jSession(run);
            assertEquals(List.of(chat, "deny file.read " + secret, chat, "deny sql.DELETE public.customers", chat,
                    "allow sql.SELECT public.customers", chat), view.session(run.trail(jdk)));
        }
    }

    /** JEP 451's opt-out: a JVM started with -XX:-EnableDynamicAgentLoading refuses, and runs on as before. */
    @Test
    void aHardenedJvmRefuses() throws Exception {
        Path jdk = Jdks.jdk25();
        try (ChildJvm child = run.start(jdk, List.of("-XX:-EnableDynamicAgentLoading"), run.args(NO_SMTP, "stdin"))) {
            ask(child, "question one", 2);
            ChildJvm.Result attach = ChildJvm.cli(jdk, "attach", Long.toString(child.pid()), "--config", run.policy.toString());
            assertEquals(1, attach.exitCode(), attach.toString());
            assertTrue(String.join("\n", attach.stderr()).contains("refused the agent"), attach.toString());
            ask(child, "question two", 3);
            child.sendLine("");
            ChildJvm.Result r = child.await(60);
            List<String> tools = new ArrayList<>(r.stdout().stream().filter(l -> l.startsWith("TOOL ")).toList());
            assertEquals("TOOL OK queryDatabase: 2 rows changed", tools.get(3), r.stdout().toString());
        }
    }

    /** Asks one question on standard input and waits for the agent's {@code READY} for the next. */
    private static void ask(ChildJvm child, String question, int readyCount) throws Exception {
        child.waitForLine("READY", readyCount - 1, 60);
        child.sendLine(question);
        child.waitForLine("READY", readyCount, 120);
    }
}
