package dev.warden.testapps.workflowtool;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * An agent with three tools in one process, the shape of a data-exfiltration attempt: it reads a
 * table, then mails and POSTs what it read. Each argument is one step; each prints one line,
 * {@code OK <step> <result>} or {@code ERR <step> <exception class>: <message>}:
 *
 * <ul>
 *   <li>{@code sql:<statement>} on an in-memory H2 database ({@code jdbc:h2:mem:crm}) that holds a
 *       {@code customers} and an {@code orders} table;
 *   <li>{@code mail:<host>:<port>:<recipient>} sends one message through that SMTP server;
 *   <li>{@code post:<url>} POSTs a small body with the JDK's {@code HttpClient}, printing the status;
 *   <li>{@code get:<url>} GETs it;
 *   <li>{@code in:<session>:<step>} runs {@code <step>} inside {@code WardenSession.open(<session>)}:
 *       one conversation of several the agent serves in this process.
 * </ul>
 *
 * <p>Test apps never depend on Warden (the build forbids it): the optional
 * {@code dev.warden.bootstrap.WardenSession} API is found by reflection, as in {@code session-tool}.
 */
public final class WorkflowTool {

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:crm")) {
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE customers (id INT, email VARCHAR(64));"
                        + " INSERT INTO customers VALUES (1, 'anna@example.com');"
                        + " CREATE TABLE orders (id INT, total INT); INSERT INTO orders VALUES (1, 42)");
                System.out.println("READY");
            } catch (java.sql.SQLException e) {
                // A policy that allows no writes refuses the set-up; the steps run all the same.
                System.out.println("READY without tables: " + e.getMessage());
            }
            HttpClient http = HttpClient.newHttpClient();
            for (String step : args) {
                System.out.println(run(step, db, http));
                System.out.flush();
            }
        }
    }

    private static String run(String step, Connection db, HttpClient http) {
        try {
            return "OK " + step + " " + perform(step, db, http);
        } catch (Throwable t) {
            return "ERR " + step + " " + t.getClass().getName() + ": " + t.getMessage();
        }
    }

    private static String perform(String step, Connection db, HttpClient http) throws Exception {
        int colon = step.indexOf(':');
        String op = step.substring(0, colon);
        String arg = step.substring(colon + 1);
        switch (op) {
            case "in": {
                int end = arg.indexOf(':');
                Method open = Class.forName("dev.warden.bootstrap.WardenSession").getMethod("open", String.class);
                try (AutoCloseable session = (AutoCloseable) open.invoke(null, arg.substring(0, end))) {
                    return perform(arg.substring(end + 1), db, http);
                }
            }
            case "sql":
                try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(arg)) {
                    int rows = 0;
                    while (rs.next()) {
                        rows++;
                    }
                    return rows + " rows";
                }
            case "mail": {
                String[] p = arg.split(":", 3);
                Properties props = new Properties();
                props.put("mail.smtp.host", p[0]);
                props.put("mail.smtp.port", p[1]);
                MimeMessage m = new MimeMessage(Session.getInstance(props));
                m.setFrom(new InternetAddress("bot@example.com"));
                m.setRecipients(Message.RecipientType.TO, p[2]);
                m.setSubject("customer list");
                m.setText("anna@example.com");
                Transport.send(m);
                return "sent";
            }
            case "post": {
                HttpRequest r = HttpRequest.newBuilder(URI.create(arg))
                        .POST(HttpRequest.BodyPublishers.ofString("anna@example.com")).build();
                return "status " + http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
            }
            case "get": {
                HttpRequest r = HttpRequest.newBuilder(URI.create(arg)).GET().build();
                return "status " + http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
            }
            default:
                throw new IllegalArgumentException("unknown step " + step);
        }
    }
}
