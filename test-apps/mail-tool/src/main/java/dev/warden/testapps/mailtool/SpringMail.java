package dev.warden.testapps.mailtool;

import jakarta.mail.MessagingException;
import java.util.Map;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Spring's {@code JavaMailSenderImpl} (spring-context-support, over Jakarta Mail): it connects its
 * transport first, then calls {@code sendMessage} for each message.
 */
public final class SpringMail implements Api {

    @Override
    public void send(MailTool.Server smtp, Step step) throws MessagingException {
        MailTool.Server server = step.server(smtp);
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(server.host());
        sender.setPort(server.port());
        sender.setJavaMailProperties(JakartaMail.properties(server));
        switch (step.how()) {
            case "mime":
                sender.send(JakartaMail.message(sender.createMimeMessage(), step));
                break;
            case "simple":
                SimpleMailMessage m = new SimpleMailMessage();
                m.setFrom(step.from());
                if (step.get("to") != null) {
                    m.setTo(step.get("to").split(","));
                }
                if (step.get("cc") != null) {
                    m.setCc(step.get("cc").split(","));
                }
                if (step.get("bcc") != null) {
                    m.setBcc(step.get("bcc").split(","));
                }
                m.setSubject(step.subject());
                m.setText(Step.BODY);
                sender.send(m);
                break;
            default:
                throw new IllegalArgumentException("unknown way to send: " + step.how());
        }
    }

    @Override
    public String refused(Throwable t) {
        return new JakartaMail().refused(t);
    }

    /** The exception of the one failed message a {@code MailSendException} collects, else {@code t}. */
    @Override
    public Throwable unwrap(Throwable t) {
        if (t instanceof MailSendException) {
            Map<Object, Exception> failed = ((MailSendException) t).getFailedMessages();
            if (failed.size() == 1) {
                return failed.values().iterator().next();
            }
        }
        return t;
    }
}
