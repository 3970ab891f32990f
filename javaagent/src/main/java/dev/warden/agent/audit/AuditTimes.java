package dev.warden.agent.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** How records' times are written: ISO-8601 in UTC, always the same width so that lines sort as text. */
final class AuditTimes {

    private static final DateTimeFormatter NANOS = formatter(9);
    private static final DateTimeFormatter MILLIS = formatter(3);

    private AuditTimes() {}

    /** {@code 2026-11-24T09:15:02.123456789Z}: the export's {@code time}. */
    static String nanos(long epochNanos) {
        return NANOS.format(instant(epochNanos));
    }

    /** {@code 2026-11-24T09:15:02.123Z}: the start of an {@code audit tail} line. */
    static String millis(long epochNanos) {
        return MILLIS.format(instant(epochNanos));
    }

    static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    /** Nanoseconds since the epoch, saturated at the ends of {@code long} (about the years 1677 and 2262). */
    static long epochNanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static DateTimeFormatter formatter(int digits) {
        return new DateTimeFormatterBuilder()
                .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
                .appendFraction(ChronoField.NANO_OF_SECOND, digits, digits, true)
                .appendLiteral('Z')
                .toFormatter()
                .withZone(ZoneOffset.UTC);
    }
}
