package dev.warden.policy;

import static dev.warden.policy.TestPolicies.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hours}; 2026-11-23 is a Monday, 2026-11-27 a Friday. */
class HoursTest {

    @TempDir
    Path dir;

    private static final ZoneId UTC = ZoneId.of("UTC");

    private static boolean open(String hours, String instant) {
        return Hours.parse(hours, UTC).isOpen(Instant.parse(instant).toEpochMilli());
    }

    @Test
    void daysAndTimesWithAnExclusiveEnd() {
        String h = "Mon-Fri 09:00-18:00";
        assertTrue(open(h, "2026-11-23T09:00:00Z"));
        assertTrue(open(h, "2026-11-27T17:59:59Z"));
        assertFalse(open(h, "2026-11-27T18:00:00Z"), "the end is exclusive");
        assertFalse(open(h, "2026-11-23T08:59:59Z"));
        assertFalse(open(h, "2026-11-28T12:00:00Z"), "Saturday");
        assertTrue(open("09:00-10:00", "2026-11-29T09:30:00Z"), "no days: every day");
        assertTrue(open("Mon,Wed 00:00-24:00", "2026-11-25T23:59:00Z"));
        assertFalse(open("Mon,Wed 00:00-24:00", "2026-11-24T12:00:00Z"));
        assertTrue(open("Sat-Mon 10:00-11:00", "2026-11-29T10:30:00Z"), "a wrapping day range");
    }

    @Test
    void aWindowMayCrossMidnight() {
        String h = "Fri 22:00-02:00";
        assertTrue(open(h, "2026-11-27T23:00:00Z"));
        assertTrue(open(h, "2026-11-28T01:59:00Z"), "Saturday early morning belongs to Friday's window");
        assertFalse(open(h, "2026-11-28T02:00:00Z"));
        assertFalse(open(h, "2026-11-27T01:00:00Z"), "Friday early morning belongs to Thursday, not in the list");
    }

    @Test
    void severalWindowsSeparatedBySemicolons() {
        String h = "Mon-Fri 09:00-12:00; Mon-Fri 13:00-17:00; Sat 10:00-11:00";
        assertTrue(open(h, "2026-11-23T11:00:00Z"));
        assertFalse(open(h, "2026-11-23T12:30:00Z"));
        assertTrue(open(h, "2026-11-23T13:00:00Z"));
        assertTrue(open(h, "2026-11-28T10:15:00Z"));
    }

    @Test
    void zonesAreHonouredAndApplyToWindowsWithoutOne() {
        String h = "Mon-Fri 09:00-18:00 Europe/Berlin";
        assertTrue(open(h, "2026-11-23T08:30:00Z"), "09:30 in Berlin (UTC+1 in winter)");
        assertFalse(open(h, "2026-11-23T07:59:00Z"), "08:59 in Berlin");
        assertFalse(open("Mon-Fri 09:00-18:00 UTC", "2026-11-23T08:30:00Z"));
        assertTrue(open(h, "2026-11-23T16:59:00Z"));
        assertFalse(open(h, "2026-11-23T17:00:00Z"), "18:00 Berlin");
        assertTrue(open("Mon 08:00-09:00; Mon 20:00-21:00 America/New_York", "2026-11-23T13:30:00Z"),
                "the first window takes the zone named later in the value");
        assertTrue(open("Mon 09:00-10:00 UTC; Tue 09:00-10:00 Asia/Tokyo", "2026-11-24T00:30:00Z"));
    }

    @Test
    void aStateIsReusedUntilItEnds() {
        Hours h = Hours.parse("Mon-Fri 09:00-18:00", UTC);
        long monday10 = Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();
        assertTrue(h.isOpen(monday10));
        assertTrue(h.isOpen(monday10 + 3_600_000));
        assertFalse(h.isOpen(monday10 + 9 * 3_600_000L));
        assertTrue(h.isOpen(monday10), "the clock may go back");
    }

    @Test
    void hoursAreCheckedAfterTheCacheLookup() {
        TestPolicies.MutableClock clock = new TestPolicies.MutableClock("2026-11-23T10:00:00Z");
        Policy p = TestPolicies.load(dir, policy(
                        "warden.rule.office.actions = mail.send",
                        "warden.rule.office.effect = allow",
                        "warden.rule.office.hours = Mon-Fri 09:00-18:00 UTC",
                        "warden.rule.night.actions = mail.send",
                        "warden.rule.night.effect = deny",
                        "warden.rule.night.hours = 17:00-08:00 UTC"),
                Overrides.of(TestPolicies.props(dir), Map.of()), clock);
        Verdict day = p.decide(Action.MAIL_SEND, "a@example.com");
        assertEquals("office", day.rule());
        clock.set("2026-11-23T17:30:00Z");
        assertEquals("night", p.decide(Action.MAIL_SEND, "a@example.com").rule(), "both open: deny wins");
        clock.set("2026-11-23T20:00:00Z");
        assertEquals("night", p.decide(Action.MAIL_SEND, "a@example.com").rule());
        clock.set("2026-11-28T12:00:00Z");
        assertEquals("default", p.decide(Action.MAIL_SEND, "a@example.com").rule(), "Saturday noon: neither");
        clock.set("2026-11-23T10:00:00Z");
        assertSame(day, p.decide(Action.MAIL_SEND, "a@example.com"), "the same verdict instance again");
    }
}
