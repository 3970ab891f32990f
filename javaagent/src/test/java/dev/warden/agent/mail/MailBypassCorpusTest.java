package dev.warden.agent.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.agent.governor.MailFacts;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recipients written to hide who receives a message — display names, encoded words, groups, case,
 * the same address several times in Bcc, an address only in the envelope — read from a real
 * Jakarta Mail message as the targets {@code mail.send} decides: each row is the To, Cc, Bcc
 * headers and envelope, and the targets.
 */
class MailBypassCorpusTest {

    static Stream<Arguments> corpus() {
        return Stream.of(
                row("display name that looks like another address", "\"ceo@example.com\" <eve@evil.test>", "", "", "",
                        "eve@evil.test"),
                row("case", "Eve@EVIL.Test", "", "", "", "eve@evil.test"),
                row("encoded word hiding an address", "=?UTF-8?B?ZXZlQGV2aWwudGVzdA==?=", "", "", "",
                        "=?utf-8?b?zxzlqgv2awwudgvzda==?=, eve@evil.test"),
                row("encoded display name is only a name", "=?UTF-8?Q?Ann?= <ann@example.com>", "", "", "", "ann@example.com"),
                row("group", "team: a@example.com, eve@evil.test;", "", "", "", "a@example.com, eve@evil.test"),
                row("empty group hides nothing", "undisclosed-recipients:;", "", "", "b@example.com", "b@example.com"),
                row("the same address three times in Bcc", "a@example.com", "", "eve@evil.test, EVE@evil.test, eve@evil.test", "",
                        "a@example.com, eve@evil.test"),
                row("only in Bcc", "a@example.com", "", "eve@evil.test", "", "a@example.com, eve@evil.test"),
                row("only in Cc", "a@example.com", "eve@evil.test", "", "", "a@example.com, eve@evil.test"),
                row("only in the envelope", "a@example.com", "", "", "eve@evil.test", "a@example.com, eve@evil.test"),
                row("angle brackets and a comment", "Ann (work) <ann@example.com>", "", "", "", "ann@example.com"));
    }

    private static Arguments row(String name, String to, String cc, String bcc, String envelope, String targets) {
        return Arguments.of(name, to, cc, bcc, envelope, targets);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyRecipientIsATargetAsTheServerSeesIt(String name, String to, String cc, String bcc, String envelope, String targets)
            throws Throwable {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom("bot@example.com");
        m.setSubject("s");
        m.setText("t");
        set(m, Message.RecipientType.TO, to);
        set(m, Message.RecipientType.CC, cc);
        set(m, Message.RecipientType.BCC, bcc);
        m.saveChanges();
        MailFacts facts = new MailFacts();
        new MailMessages().read(m, envelope.isEmpty() ? null : InternetAddress.parse(envelope, false), facts);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < facts.count(); i++) {
            found.add(facts.target(i));
        }
        assertEquals(targets, String.join(", ", found));
    }

    /** The header as written, not as Jakarta Mail would reformat it. */
    private static void set(MimeMessage m, Message.RecipientType type, String value) throws Exception {
        if (!value.isEmpty()) {
            m.setHeader(type == Message.RecipientType.TO ? "To" : type == Message.RecipientType.CC ? "Cc" : "Bcc", value);
        }
    }
}
