package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code warden.agent.trust}: a ceiling over what the rules allow, named in the denial, promoted by a reload. */
class TrustIT {

    @RegisterExtension
    static final SmtpAndWeb servers = new SmtpAndWeb();

    @TempDir
    Path temp;

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("dev.warden.e2e.Jdks#all")
    void readOnlyRefusesWritesTheRulesAllowUntilAReloadPromotesTheAgent(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy("warden.agent.trust = read-only");
        String doc = ws.kb.resolve("doc.txt").toString();
        String report = ws.out.resolve("report.txt").toString();
        try (Interactive tool = new Interactive(ws.start(jdk, List.of(), "interactive"))) {
            assertEquals("OK fis-read:" + doc + " knowledge", tool.ask("fis-read:" + doc));
            assertEquals("ERR fos-write:" + report + " java.io.FileNotFoundException: "
                    + Workspace.message("file.write", report, "trust read-only", "trust read-only"), tool.ask("fos-write:" + report));
            assertTrue(tool.ask("nio-delete:" + ws.out.resolve("none")).contains("trust read-only (trust read-only)"));

            ws.policyReplace("warden.agent.trust = read-only", "warden.agent.trust = full");
            assertTrue(tool.millisUntil("fos-write:" + report, "OK ", 1000) <= 1000, "promoted by a one-line edit");
            assertEquals(0, tool.stop().exitCode());
        }
        List<JsonNode> writes = ws.trail(jdk).about("file.write", report);
        assertEquals("deny", writes.get(0).path("decision").asText());
        assertEquals("trust", writes.get(0).path("rule").asText());
        assertEquals("trust read-only", writes.get(0).path("reason").asText());
        assertEquals("allow", writes.get(writes.size() - 1).path("decision").asText());
        assertEquals("out", writes.get(writes.size() - 1).path("rule").asText());
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("dev.warden.e2e.Jdks#all")
    void readOnlyLetsReadsAndTheirConnectsThroughAndRefusesMailAndPosts(Path jdk) throws Exception {
        WorkflowToolRun run = new WorkflowToolRun(temp).policy("warden.default = allow", "warden.agent.trust = read-only");
        String mail = servers.mailStep("anna@example.com");
        String url = servers.web.base() + "/api/x";
        String target = "http://127.0.0.1:" + servers.web.port() + "/api/x";

        ChildJvm.Result r = run.run(jdk, List.of(), "sql:SELECT 1 AS one", mail, "get:" + url, "post:" + url);

        String why = r.stdout() + " " + r.stderr();
        assertTrue(r.stdout().get(0).startsWith("READY without tables: ") && r.stdout().get(0).contains("trust read-only"), why);
        assertEquals("OK sql:SELECT 1 AS one 1 rows", r.stdout().get(1), why);
        assertEquals("ERR " + mail + " jakarta.mail.SendFailedException: "
                + Workspace.message("mail.send", "anna@example.com", "trust read-only", "trust read-only"), r.stdout().get(2), why);
        assertEquals("OK get:" + url + " status 200", r.stdout().get(3), "a GET, and the connect that is part of it: " + why);
        assertEquals("ERR post:" + url + " java.io.IOException: "
                + Workspace.message("http.POST", target, "trust read-only", "trust read-only"), r.stdout().get(4), why);
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("dev.warden.e2e.Jdks#all")
    void sandboxKeepsFilesInTmpAndTalksOnlyToTheListedEndpoint(Path jdk) throws Exception {
        Path tmp = Files.createDirectories(temp.toRealPath().resolve("tmp"));
        Workspace ws = new Workspace(temp).policy("warden.agent.trust = sandbox",
                "warden.rule.tmp.actions = file.*", "warden.rule.tmp.targets = " + tmp + "/**", "warden.rule.tmp.effect = allow");
        String doc = ws.kb.resolve("doc.txt").toString();
        String scratch = tmp.resolve("notes.txt").toString();
        ChildJvm.Result files;
        try (ChildJvm child = ws.start(jdk, List.of("-Djava.io.tmpdir=" + tmp), "fis-read:" + doc, "fos-write:" + scratch,
                "fis-read:" + scratch)) {
            files = child.await(120);
        }
        assertEquals("ERR fis-read:" + doc + " java.io.FileNotFoundException: "
                + Workspace.message("file.read", doc, "trust sandbox", "trust sandbox"), files.line("ERR fis-read:" + doc));
        assertTrue(files.line("OK fos-write:" + scratch).startsWith("OK "), files.stdout().toString());
        assertTrue(files.line("OK fis-read:" + scratch).startsWith("OK "), files.stdout().toString());

        String model = servers.web.base() + "/v1/chat/completions";
        String other = servers.web.base() + "/elsewhere";
        WorkflowToolRun run = new WorkflowToolRun(Files.createDirectories(temp.resolve("wf"))).policy("warden.default = allow",
                "warden.agent.trust = sandbox", "warden.sandbox.allow = " + servers.web.base() + "/v1/**, jdbc:h2:mem:**");
        String mail = servers.mailStep("anna@example.com");
        ChildJvm.Result r = run.run(jdk, List.of("-Djava.io.tmpdir=" + tmp), "post:" + model, "get:" + other, mail);
        String why = r.stdout() + " " + r.stderr();
        assertEquals("OK post:" + model + " status 200", r.stdout().get(1), "the model's endpoint, any method: " + why);
        assertEquals("ERR get:" + other + " java.io.IOException: " + Workspace.message("http.GET",
                "http://127.0.0.1:" + servers.web.port() + "/elsewhere", "trust sandbox", "trust sandbox"), r.stdout().get(2), why);
        assertTrue(r.stdout().get(3).endsWith("trust sandbox (trust sandbox)"), why);
    }
}
