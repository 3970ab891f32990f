package dev.warden.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A GreenMail SMTP server and a {@link LoopbackHttpServer} for a test class whose agent mails and
 * calls HTTP in one process: {@code @RegisterExtension static final SmtpAndWeb servers = new SmtpAndWeb();}.
 */
final class SmtpAndWeb implements BeforeAllCallback, AfterAllCallback {

    GreenMail smtp;
    LoopbackHttpServer web;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        web = LoopbackHttpServer.http();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        smtp.stop();
        web.close();
    }

    /** {@code mail:127.0.0.1:<port>:<recipient>}, the workflow tool's mail step. */
    String mailStep(String recipient) {
        return "mail:127.0.0.1:" + smtp.getSmtp().getPort() + ":" + recipient;
    }
}
