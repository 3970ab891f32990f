package dev.warden.agent.governor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.policy.Action;
import org.junit.jupiter.api.Test;

class MailFactsTest {

    private static String detail(MailFacts m, boolean subjectInFull) {
        StringBuilder d = new StringBuilder();
        m.appendDetail(d, subjectInFull);
        return d.toString();
    }

    @Test
    void eachRecipientIsOneTargetHoweverOftenItAppears() {
        MailFacts m = new MailFacts();
        Object ann = new Object();
        m.recipient(ann, "Ann@Example.test");
        m.recipient(new Object(), "ann@example.test");
        m.recipient(new Object(), "bob@other.test");
        assertEquals(2, m.count());
        assertEquals("ann@example.test", m.target(0));
        assertEquals(ann, m.address(0));
        assertEquals("bob@other.test", m.target(1));
    }

    @Test
    void anEncodedAddressIsDecidedAsWrittenAndDecoded() {
        MailFacts m = new MailFacts();
        Object eve = new Object();
        m.recipient(eve, "=?UTF-8?B?ZXZlQGV2aWwudGVzdA==?=");
        assertEquals(2, m.count());
        assertEquals("=?utf-8?b?zxzlqgv2awwudgvzda==?=", m.target(0));
        assertEquals("eve@evil.test", m.target(1));
        assertEquals(eve, m.address(1), "both stand for the same Address");
    }

    @Test
    void detailHasSenderRecipientsDomainsSubjectLengthAndAttachments() {
        MailFacts m = new MailFacts();
        m.sender("bot@example.test");
        m.recipient(new Object(), "a@example.test");
        m.recipient(new Object(), "b@other.test");
        m.recipient(new Object(), "c@EXAMPLE.test");
        m.recipient(new Object(), "local-only");
        m.subject("Secret plans");
        m.attachment(100);
        m.attachment(23);
        m.attachment(-1);
        assertEquals("from bot@example.test, 4 recipients (example.test, other.test, no domain), subject 12 chars,"
                + " 3 attachments, 123 bytes (1 of unknown size)", detail(m, false));
        assertEquals("from bot@example.test, 4 recipients (example.test, other.test, no domain), subject \"Secret plans\","
                + " 3 attachments, 123 bytes (1 of unknown size)", detail(m, true));
        m.clear();
        m.recipient(new Object(), "a@example.test");
        assertEquals("from -, 1 recipient (example.test), subject none, no attachments", detail(m, false));
    }

    @Test
    void refusalsWithTheSameReasonAndRuleShareOneSentence() {
        CallFrame f = new CallFrame();
        f.reset(Family.MAIL);
        deny(f, "a@x.test", "rate limit", "bulk");
        allow(f, "ok@example.test");
        deny(f, "b@x.test", "rate limit", "bulk");
        deny(f, "ceo@example.test", "agents do not mail the CEO", "no-ceo");
        deny(f, "eve@evil.test", "no rule allows this", "default");
        assertEquals("Warden denied mail.send a@x.test, b@x.test: rate limit (rule bulk);"
                + " Warden denied mail.send ceo@example.test: agents do not mail the CEO (rule no-ceo);"
                + " Warden denied mail.send eve@evil.test: no rule allows this (default)", MailCalls.message(f));
    }

    private static void deny(CallFrame f, String target, String reason, String rule) {
        int i = f.add(Action.MAIL_SEND, target, null, null, null);
        f.decisions[i] = Outcome.DENY;
        f.reasons[i] = reason;
        f.rules[i] = rule;
    }

    private static void allow(CallFrame f, String target) {
        int i = f.add(Action.MAIL_SEND, target, null, null, null);
        f.decisions[i] = Outcome.ALLOW;
        f.rules[i] = "own";
    }
}
