package dev.warden.testapps.langchain4j;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

/**
 * A LangChain4j agent as a team would write it, knowing nothing of Warden:
 * {@code LangChain4jAgent model=BASE_URL smtp=HOST:PORT (ask=QUESTION | stdin)...}. It opens its CRM
 * database (H2 in memory), builds an {@code AiServices} assistant over an OpenAI-compatible chat
 * endpoint with {@link AgentTools}, and asks each question — those given as {@code ask=} arguments,
 * then, with {@code stdin}, one per line of standard input (printing {@code READY} before each read),
 * so that a test can attach Warden between two questions. Prints {@code ANSWER text} or
 * {@code ERR question: Exception: message}.
 */
public final class LangChain4jAgent {

    private LangChain4jAgent() {}

    public static void main(String[] args) throws Exception {
        String model = null;
        String smtp = "127.0.0.1:25";
        for (String a : args) {
            if (a.startsWith("model=")) {
                model = a.substring(6);
            } else if (a.startsWith("smtp=")) {
                smtp = a.substring(5);
            }
        }
        try (Connection db = openCrm()) {
            int colon = smtp.lastIndexOf(':');
            AgentTools tools = new AgentTools(db, smtp.substring(0, colon), Integer.parseInt(smtp.substring(colon + 1)));
            Assistant assistant = AiServices.builder(Assistant.class)
                    .chatModel(OpenAiChatModel.builder().baseUrl(model).apiKey("not-needed-on-loopback")
                            .modelName("gpt-4o-mini").timeout(Duration.ofSeconds(30)).maxRetries(0).build())
                    .tools(tools)
                    .build();
            for (String a : args) {
                if (a.startsWith("ask=")) {
                    ask(assistant, a.substring(4));
                } else if (a.equals("stdin")) {
                    askFromStdin(assistant);
                }
            }
        }
    }

    private static void askFromStdin(Assistant assistant) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (true) {
            System.out.println("READY");
            String line = in.readLine();
            if (line == null || line.isBlank()) {
                return;
            }
            ask(assistant, line);
        }
    }

    private static void ask(Assistant assistant, String question) {
        try {
            System.out.println("ANSWER " + assistant.chat(question).replace("\n", " | "));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.out.println("ERR " + question + ": " + root.getClass().getName() + ": " + root.getMessage());
        }
    }

    /** The CRM: an in-memory H2 database with a few customers. */
    private static Connection openCrm() throws Exception {
        Connection db = DriverManager.getConnection("jdbc:h2:mem:crm;DB_CLOSE_DELAY=-1");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(100))");
            s.executeUpdate("INSERT INTO customers VALUES (1, 'Ada Lovelace', 'ada@example.test'), (2, 'Alan Turing', 'alan@example.test')");
        }
        return db;
    }
}
