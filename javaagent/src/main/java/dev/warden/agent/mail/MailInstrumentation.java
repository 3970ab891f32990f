package dev.warden.agent.mail;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.warden.agent.governor.MailReader;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Jakarta Mail 2.x and the legacy {@code javax.mail} 1.x (and Spring's {@code JavaMailSenderImpl},
 * which goes through them): {@code Transport.send0}, under every static {@code Transport.send},
 * and the SMTP transports' {@code sendMessage} decide each message ({@code mail.send});
 * their {@code protocolConnect} makes the server's connect part of mail. The SMTP transports are
 * Angus Mail 2's {@code org.eclipse.angus.mail.smtp.SMTPTransport} and {@code com.sun.mail.smtp.SMTPTransport}
 * (JavaMail 1.x, and Jakarta Mail 2.0's and Angus Mail 1's, which kept the old package);
 * {@code SMTPSSLTransport} (smtps) inherits both methods.
 */
public final class MailInstrumentation {

    private MailInstrumentation() {}

    static final String[] TRANSPORTS = {"jakarta.mail.Transport", "javax.mail.Transport"};
    static final String[] SMTP_TRANSPORTS = {"org.eclipse.angus.mail.smtp.SMTPTransport", "com.sun.mail.smtp.SMTPTransport"};

    public static final Set<String> TYPES = Set.of(TRANSPORTS[0], TRANSPORTS[1], SMTP_TRANSPORTS[0], SMTP_TRANSPORTS[1]);

    public static void registerReader() {
        MailReader.INSTALLED[0] = new MailMessages();
    }

    public static AgentBuilder register(AgentBuilder builder) {
        return builder
                .type(namedOneOf(TRANSPORTS))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(SendAdvice.class)
                        .on(named("send0").and(takesArguments(4)).and(takesArgument(0, named(type.getPackage().getName() + ".Message"))))))
                .type(namedOneOf(SMTP_TRANSPORTS))
                .transform((b, type, loader, module, domain) -> b
                        .visit(Advice.to(SendAdvice.class).on(named("sendMessage").and(takesArguments(2))))
                        .visit(Advice.to(TransportConnectAdvice.class).on(named("protocolConnect").and(takesArguments(4)))));
    }
}
