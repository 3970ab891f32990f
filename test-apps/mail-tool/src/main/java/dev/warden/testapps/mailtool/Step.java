package dev.warden.testapps.mailtool;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One step: {@code api-how|key=value|...}. {@code api} is {@code jakarta}, {@code javax} or
 * {@code spring}; {@code how} is how the message is sent:
 * <ul>
 * <li>{@code send}: {@code Transport.send(msg)}; {@code send-auth}: {@code Transport.send(msg, user, password)};
 * <li>{@code envelope}: {@code Transport.send(msg, addresses)}; {@code envelope-auth}: {@code Transport.send(msg, addresses, user, password)};
 * <li>{@code transport}: {@code session.getTransport("smtp")}, {@code connect()}, {@code sendMessage(msg, addresses)};
 * <li>Spring: {@code mime} ({@code JavaMailSender.send(MimeMessage)}) or {@code simple} ({@code send(SimpleMailMessage)}).
 * </ul>
 * Keys: {@code from}, {@code to}, {@code cc}, {@code bcc} (address lists as {@code InternetAddress.parse}
 * reads them, groups included), {@code raw-to} (a {@code To} header added as written, e.g. an
 * RFC 2047 encoded word), {@code envelope} (the address list passed to {@code send}/{@code sendMessage};
 * default {@code getAllRecipients()}), {@code subject}, {@code attach} (comma list of attachment sizes
 * in bytes), {@code user}/{@code password}, {@code port} (another SMTP server on the same host).
 */
record Step(String api, String how, Map<String, String> options) {

    static final String BODY = "the body of the message, which no audit record may hold";

    static Step parse(String text) {
        List<String> parts = Arrays.asList(text.split("\\|"));
        String[] kind = parts.get(0).split("-", 2);
        Map<String, String> options = new HashMap<>();
        for (String p : parts.subList(1, parts.size())) {
            int eq = p.indexOf('=');
            options.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return new Step(kind[0], kind.length > 1 ? kind[1] : "send", options);
    }

    String get(String key) {
        return options.get(key);
    }

    MailTool.Server server(MailTool.Server smtp) {
        String port = options.get("port");
        return port == null ? smtp : new MailTool.Server(smtp.host(), Integer.parseInt(port));
    }

    String from() {
        return options.getOrDefault("from", "agent@example.test");
    }

    String subject() {
        return options.getOrDefault("subject", "Your ticket");
    }

    /** The attachment sizes, none by default. */
    int[] attachments() {
        String a = options.get("attach");
        return a == null ? new int[0] : Arrays.stream(a.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** Bytes {@code 'a', 'b', ...} repeated: an attachment's content. */
    static byte[] content(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }
}
