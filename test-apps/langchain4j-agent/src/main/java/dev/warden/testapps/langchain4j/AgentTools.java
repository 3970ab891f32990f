package dev.warden.testapps.langchain4j;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The agent's tools, written the way any LangChain4j application writes them: a failure is thrown,
 * and LangChain4j reports the exception's message to the model as the tool's result. Each call
 * also prints {@code TOOL OK name: result} or {@code TOOL ERR name: Exception: message}, the
 * program's own log of what it did.
 */
public final class AgentTools {

    private final Connection db;
    private final Properties smtp;
    private final HttpClient http = HttpClient.newHttpClient();

    AgentTools(Connection db, String smtpHost, int smtpPort) {
        this.db = db;
        this.smtp = new Properties();
        smtp.put("mail.smtp.host", smtpHost);
        smtp.put("mail.smtp.port", Integer.toString(smtpPort));
    }

    @Tool("Reads a text file of the knowledge base and returns its contents")
    public String readFile(@P("the file's absolute path") String path) throws Exception {
        return logged("readFile", () -> Files.readString(Path.of(path)).strip());
    }

    @Tool("Runs one SQL statement on the CRM database and returns the rows, or how many rows changed")
    public String queryDatabase(@P("the SQL statement") String sql) throws Exception {
        return logged("queryDatabase", () -> run(sql));
    }

    @Tool("Sends an HTTP GET to the ticket API and returns the response body")
    public String callApi(@P("the URL") String url) throws Exception {
        return logged("callApi", () -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return "HTTP " + r.statusCode() + " " + r.body();
        });
    }

    @Tool("Sends an e-mail")
    public String sendMail(@P("the recipient's address") String to, @P("the subject") String subject,
            @P("the text") String body) throws Exception {
        return logged("sendMail", () -> {
            MimeMessage m = new MimeMessage(Session.getInstance(smtp));
            m.setFrom(new InternetAddress("agent@example.test"));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            m.setSubject(subject);
            m.setText(body);
            Transport.send(m);
            return "sent to " + to;
        });
    }

    private String run(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            if (!s.execute(sql)) {
                return s.getUpdateCount() + " rows changed";
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        cells.add(md.getColumnLabel(i).toLowerCase() + "=" + rs.getString(i));
                    }
                    rows.add(String.join(" ", cells));
                }
            }
            return rows.isEmpty() ? "no rows" : String.join("; ", rows);
        }
    }

    interface ToolBody {
        String call() throws Exception;
    }

    private static String logged(String tool, ToolBody body) throws Exception {
        try {
            String result = body.call();
            System.out.println("TOOL OK " + tool + ": " + result.replace('\n', ' '));
            return result;
        } catch (Exception e) {
            System.out.println("TOOL ERR " + tool + ": " + e.getClass().getName() + ": " + e.getMessage());
            throw e;
        }
    }
}
