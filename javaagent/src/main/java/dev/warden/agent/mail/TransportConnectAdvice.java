package dev.warden.agent.mail;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/**
 * The SMTP transports' {@code protocolConnect(String host, int port, String user, String password)},
 * where {@code Transport.connect} (its own, {@code Transport.send}'s and Spring's
 * {@code JavaMailSenderImpl}'s) opens the socket to the server: that connect is part of mail, whose
 * every message is decided, so it needs no {@code net.connect} allow rule; deny rules still apply.
 */
final class TransportConnectAdvice {

    private TransportConnectAdvice() {}

    @Advice.OnMethodEnter
    static void enter() {
        Gate.enterMailTransport();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit() {
        Gate.leaveMailTransport();
    }
}
