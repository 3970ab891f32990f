package dev.warden.e2e;

import dev.warden.testapps.model.ModelServer;
import dev.warden.testapps.model.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The LangChain4j agent from test-apps/ with a support bot's policy: its knowledge base
 * ({@code kb/}, readable), its secrets ({@code secrets/}, never), the CRM in H2 (read and seed, never
 * erase), the ticket API under {@code /api/} of the scripted {@link ModelServer}, the model endpoint
 * itself ({@code http.POST}) and mail to {@code *@example.test}.
 */
final class LangChain4jRun extends ToolRun<LangChain4jRun> {

    static final String MAIN = "dev.warden.testapps.langchain4j.LangChain4jAgent";

    final Path kb;
    final Path secrets;
    final ModelServer model;

    LangChain4jRun(Path tempDir, List<Step> script) throws IOException {
        super(tempDir, "support-bot");
        kb = Files.createDirectories(root.resolve("kb"));
        secrets = Files.createDirectories(root.resolve("secrets"));
        Files.writeString(kb.resolve("q3.txt"), "Q3 revenue grew 12%.\n");
        Files.writeString(secrets.resolve("api-key.txt"), "sk-live-do-not-leak\n");
        model = ModelServer.start(script);
        policy(
                "warden.default = deny",
                "warden.rule.model.actions = http.POST",
                "warden.rule.model.targets = " + model.base() + "/v1/chat/completions",
                "warden.rule.model.effect = allow",
                "warden.rule.kb.actions = file.read",
                "warden.rule.kb.targets = " + kb + "/**",
                "warden.rule.kb.effect = allow",
                "warden.rule.no-secrets.actions = file.*",
                "warden.rule.no-secrets.targets = " + secrets + "/**",
                "warden.rule.no-secrets.effect = deny",
                "warden.rule.no-secrets.reason = secrets stay secret",
                "warden.rule.crm.actions = sql.connect",
                "warden.rule.crm.targets = jdbc:h2:mem:crm**",
                "warden.rule.crm.effect = allow",
                "warden.rule.crm-tables.actions = sql.SELECT, sql.INSERT, sql.CREATE",
                "warden.rule.crm-tables.targets = customers",
                "warden.rule.crm-tables.effect = allow",
                "warden.rule.no-erase.actions = sql.DELETE, sql.DROP, sql.TRUNCATE",
                "warden.rule.no-erase.effect = deny",
                "warden.rule.no-erase.reason = agents never erase data",
                "warden.rule.tickets.actions = http.GET",
                "warden.rule.tickets.targets = " + model.base() + "/api/**",
                "warden.rule.tickets.effect = allow",
                "warden.rule.team.actions = mail.send",
                "warden.rule.team.targets = *@example.test",
                "warden.rule.team.effect = allow");
    }

    /** {@code model=… smtp=…} and then {@code more} (questions, {@code stdin}). */
    List<String> args(int smtpPort, String... more) {
        List<String> args = new ArrayList<>(List.of("model=" + model.base() + "/v1", "smtp=127.0.0.1:" + smtpPort));
        args.addAll(List.of(more));
        return args;
    }

    /** Starts the agent with exactly these JVM flags (Warden's {@link ChildJvm#agentFlag} among them, or not). */
    ChildJvm start(Path jdk, List<String> flags, List<String> args) throws IOException {
        return ChildJvm.startWithFlags(jdk, flags, classpath("langchain4j-agent"), MAIN, args, root);
    }

    String agentFlag() {
        return ChildJvm.agentFlag(policy);
    }
}
