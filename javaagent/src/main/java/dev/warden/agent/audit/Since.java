package dev.warden.agent.audit;

import dev.warden.policy.Durations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The {@code --since} of {@code audit export}: an instant ({@code 2026-11-24T09:15:02Z}, or with an
 * offset, or a bare date meaning its start in UTC) or a duration that far back from now, written
 * as policies write durations ({@code 500ms}, {@code 30s}, {@code 15m}, {@code 8h}, {@code 7d}).
 */
public final class Since {

    private Since() {}

    /** The instant {@code text} names; {@link IllegalArgumentException} saying what is accepted. */
    public static Instant parse(String text, Instant now) {
        String s = text.trim();
        if (Durations.looksLikeDuration(s)) {
            return now.minus(Durations.parse(s));
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return s.endsWith("Z") ? Instant.parse(s) : OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad time '" + text + "': write an instant such as"
                    + " 2026-11-24T09:15:02Z, a date such as 2026-11-24, or a duration ago such as 15m, 8h or 7d");
        }
    }
}
