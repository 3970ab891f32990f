package dev.warden.agent.governor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class MailTargetsTest {

    @Test
    void targetsAreLowerCasedAndTrimmed() {
        assertEquals("ann@example.test", MailTargets.target(" Ann@Example.TEST "));
        String lower = "ann@example.test";
        assertSame(lower, MailTargets.target(lower), "an address already lower-case is not copied");
    }

    @Test
    void encodedWordsAreDecoded() {
        assertEquals("eve@evil.test", MailTargets.decoded("=?UTF-8?B?ZXZlQGV2aWwudGVzdA==?="));
        assertEquals("eve@evil.test", MailTargets.decoded("=?utf-8?q?eve=40evil.test?="));
        assertEquals("ceo@example.test", MailTargets.decoded("=?ISO-8859-1?Q?ceo?=@example.test"));
        assertEquals("a b@x.test", MailTargets.decoded("=?utf-8*en?Q?a_b?=@x.test"), "RFC 2231 language, Q's underscore");
        assertEquals("ab@x.test", MailTargets.decoded("=?utf-8?B?YQ==?==?utf-8?B?Yg==?=@x.test"), "adjacent words");
    }

    @Test
    void addressesWithoutWellFormedWordsAreNotDecoded() {
        assertNull(MailTargets.decoded("ann@example.test"));
        assertNull(MailTargets.decoded("=?utf-8?X?abc?=@x.test"), "unknown encoding");
        assertNull(MailTargets.decoded("=?no-such-charset?B?YQ==?=@x.test"));
        assertNull(MailTargets.decoded("=?utf-8?B?YQ==@x.test"), "unterminated");
        assertNull(MailTargets.decoded("=?utf-8?Q?=Z1?=@x.test"), "bad hex");
    }
}
