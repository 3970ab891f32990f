package dev.warden.testapps.mailtool;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Arrays;
import java.util.Properties;

/** Jakarta Mail 2.x (Angus Mail): every way an application sends a message. */
public final class JakartaMail implements Api {

    @Override
    public void send(MailTool.Server smtp, Step step) throws MessagingException {
        Session session = Session.getInstance(properties(step.server(smtp)));
        MimeMessage m = message(new MimeMessage(session), step);
        // Without an explicit envelope, the message's own recipients, passed as one.
        Address[] envelope = step.get("envelope") == null ? m.getAllRecipients() : InternetAddress.parse(step.get("envelope"), false);
        String user = step.options().getOrDefault("user", "agent");
        String password = step.options().getOrDefault("password", "secret");
        switch (step.how()) {
            case "send":
                Transport.send(m);
                break;
            case "send-auth":
                Transport.send(m, user, password);
                break;
            case "envelope":
                Transport.send(m, envelope);
                break;
            case "envelope-auth":
                Transport.send(m, envelope, user, password);
                break;
            case "transport":
                try (Transport t = session.getTransport("smtp")) {
                    t.connect();
                    m.saveChanges();
                    t.sendMessage(m, envelope);
                }
                break;
            default:
                throw new IllegalArgumentException("unknown way to send: " + step.how());
        }
    }

    static Properties properties(MailTool.Server smtp) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", smtp.host());
        p.setProperty("mail.smtp.port", Integer.toString(smtp.port()));
        p.setProperty("mail.smtp.connectiontimeout", "10000");
        p.setProperty("mail.smtp.timeout", "10000");
        return p;
    }

    /** Fills {@code m} as the step says: sender, recipients, subject, a text body, attachments. */
    static MimeMessage message(MimeMessage m, Step step) throws MessagingException {
        m.setFrom(new InternetAddress(step.from()));
        set(m, Message.RecipientType.TO, step.get("to"));
        set(m, Message.RecipientType.CC, step.get("cc"));
        set(m, Message.RecipientType.BCC, step.get("bcc"));
        if (step.get("raw-to") != null) {
            m.addHeader("To", step.get("raw-to"));
        }
        m.setSubject(step.subject(), "UTF-8");
        int[] attachments = step.attachments();
        if (attachments.length == 0) {
            m.setText(Step.BODY, "UTF-8");
            return m;
        }
        MimeMultipart mixed = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText(Step.BODY, "UTF-8");
        mixed.addBodyPart(text);
        for (int i = 0; i < attachments.length; i++) {
            MimeBodyPart a = new MimeBodyPart();
            a.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(Step.content(attachments[i]), "application/octet-stream")));
            a.setFileName("attachment-" + i + ".bin");
            mixed.addBodyPart(a);
        }
        m.setContent(mixed);
        return m;
    }

    private static void set(MimeMessage m, Message.RecipientType type, String list) throws MessagingException {
        if (list != null) {
            m.setRecipients(type, InternetAddress.parse(list, false));
        }
    }

    @Override
    public String refused(Throwable t) {
        if (!(t instanceof SendFailedException)) {
            return "";
        }
        SendFailedException s = (SendFailedException) t;
        return " invalid=" + Arrays.toString(s.getInvalidAddresses()) + " unsent=" + Arrays.toString(s.getValidUnsentAddresses());
    }
}
