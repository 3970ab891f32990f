package dev.warden.testapps.mailtool;

/**
 * An AI agent's mail tool, run unmodified under Warden by the end-to-end tests. The first argument
 * is the SMTP server, {@code smtp=host:port}; each further argument is one step,
 * {@code api-how|key=value|...} (see {@link Step}), and prints one line: {@code OK <step> sent} or
 * {@code ERR <step> <exception class>: <message>}, followed for a {@code SendFailedException} by
 * {@code invalid=[...]} (its invalid addresses) and {@code unsent=[...]}, then each cause
 * ({@code MessagingException}'s next exception: the server's reply, a failed connect), each
 * {@code caused by <class>: <message>}. Spring's
 * {@code MailSendException}, which collects each failed message's exception, is shown as that
 * exception {@code via MailSendException}. Line breaks in messages (SMTP replies end with one)
 * are printed as spaces.
 */
public final class MailTool {

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].startsWith("smtp=")) {
            throw new IllegalArgumentException("usage: MailTool smtp=host:port step...");
        }
        String[] server = args[0].substring("smtp=".length()).split(":");
        Server smtp = new Server(server[0], Integer.parseInt(server[1]));
        for (int i = 1; i < args.length; i++) {
            System.out.println(run(smtp, args[i]).replace('\r', ' ').replace('\n', ' '));
            System.out.flush();
        }
    }

    static String run(Server smtp, String text) {
        Step step;
        Api api;
        try {
            step = Step.parse(text);
            api = Api.named(step.api());
        } catch (Exception e) {
            return "ERR " + text + " " + e;
        }
        try {
            api.send(smtp, step);
            return "OK " + text + " sent";
        } catch (Throwable t) {
            Throwable shown = api.unwrap(t);
            String via = shown == t ? "" : " via " + t.getClass().getSimpleName();
            StringBuilder causes = new StringBuilder();
            for (Throwable c = shown.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                causes.append(" caused by ").append(c.getClass().getName()).append(": ").append(c.getMessage());
            }
            return "ERR " + text + " " + shown.getClass().getName() + ": " + shown.getMessage() + via + api.refused(shown) + causes;
        }
    }

    /** The SMTP server every step sends through. */
    record Server(String host, int port) {}
}
