package dev.warden.agent.mail;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/**
 * {@code Transport.send0(Message, Address[], String, String)} (where every static
 * {@code Transport.send} overload goes, before it connects) and the SMTP transports'
 * {@code sendMessage(Message, Address[])} (an application's or Spring's own connected transport):
 * the message is decided before any of it reaches the server. Inside {@code send0} its transport's
 * {@code sendMessage} is the same message and is not decided again.
 *
 * <p>Object-typed: the advice is inlined into {@code jakarta.mail} and {@code javax.mail} classes
 * alike, and Byte Buddy reads its signature in Warden's class loader, which has neither API.
 */
final class SendAdvice {

    private SendAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.Argument(0) Object message, @Advice.Argument(1) Object envelope) throws Exception {
        return Gate.mail(message, envelope);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        Gate.exit(token, thrown);
    }
}
