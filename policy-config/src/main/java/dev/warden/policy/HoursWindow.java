package dev.warden.policy;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * One window of an {@code hours} value: {@code [days] HH:MM-HH:MM [zone]}, e.g.
 * {@code Mon-Fri 09:00-18:00 Europe/Berlin}. Days are {@code Mon}…{@code Sun} (or full names),
 * as lists ({@code Mon,Wed}) and ranges ({@code Mon-Fri}, wrapping {@code Fri-Mon}); no days means
 * every day. The end is exclusive and may be {@code 24:00}; an end at or before the start crosses
 * midnight into the next day ({@code Fri 22:00-02:00} is Friday 22:00 to Saturday 02:00).
 */
record HoursWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end, boolean endsAtMidnight, ZoneId zone) {

    /** Parses one window; {@code zone} is {@code null} when the window names none. */
    static HoursWindow parse(String text) {
        String[] words = text.trim().split("\\s+");
        int i = 0;
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        if (i < words.length && words[i].indexOf(':') < 0) {
            days = days(words[i++], text);
        }
        if (i >= words.length) {
            throw bad(text, "no HH:MM-HH:MM");
        }
        String[] times = words[i++].split("-", -1);
        if (times.length != 2) {
            throw bad(text, "'" + words[i - 1] + "' is not HH:MM-HH:MM");
        }
        LocalTime start = time(times[0], text, false);
        boolean endsAtMidnight = times[1].equals("24:00");
        LocalTime end = endsAtMidnight ? LocalTime.MIDNIGHT : time(times[1], text, true);
        if (!endsAtMidnight && end.equals(start)) {
            throw bad(text, "the window is empty (start equals end); use 00:00-24:00 for a whole day");
        }
        ZoneId zone = null;
        if (i < words.length) {
            try {
                zone = ZoneId.of(words[i++]);
            } catch (DateTimeException e) {
                throw bad(text, "unknown time zone '" + words[i - 1] + "' (use an id such as Europe/Berlin or UTC)");
            }
        }
        if (i < words.length) {
            throw bad(text, "unexpected '" + words[i] + "'");
        }
        return new HoursWindow(days, start, end, endsAtMidnight, zone);
    }

    HoursWindow withZone(ZoneId z) {
        return new HoursWindow(days, start, end, endsAtMidnight, z);
    }

    /** The instant this window opens on {@code date}, or {@code Long.MIN_VALUE} if it does not open that day. */
    long openMillis(LocalDate date) {
        return days.contains(date.getDayOfWeek()) ? date.atTime(start).atZone(zone).toInstant().toEpochMilli() : Long.MIN_VALUE;
    }

    /** The instant the window that opened on {@code date} closes. */
    long closeMillis(LocalDate date) {
        boolean nextDay = endsAtMidnight || !end.isAfter(start);
        return (nextDay ? date.plusDays(1) : date).atTime(end).atZone(zone).toInstant().toEpochMilli();
    }

    private static Set<DayOfWeek> days(String word, String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : word.split(",", -1)) {
            String[] range = part.split("-", -1);
            if (range.length > 2) {
                throw bad(text, "'" + part + "' is not a day or a range of days");
            }
            DayOfWeek from = day(range[0], text);
            DayOfWeek to = range.length == 2 ? day(range[1], text) : from;
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                days.add(d);
                if (d == to) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String word, String text) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (word.equalsIgnoreCase(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                    || word.equalsIgnoreCase(d.getDisplayName(TextStyle.FULL, Locale.ENGLISH))) {
                return d;
            }
        }
        throw bad(text, "'" + word + "' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
    }

    private static LocalTime time(String word, String text, boolean isEnd) {
        if (word.length() == 5 && word.charAt(2) == ':') {
            try {
                int h = Integer.parseInt(word.substring(0, 2));
                int m = Integer.parseInt(word.substring(3));
                if (h >= 0 && h < 24 && m >= 0 && m < 60) {
                    return LocalTime.of(h, m);
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw bad(text, "'" + word + "' is not a time HH:MM (00:00 to 23:59" + (isEnd ? ", or 24:00)" : ")"));
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("bad hours window '" + text.trim() + "': " + why
                + "; write e.g. Mon-Fri 09:00-18:00 Europe/Berlin");
    }
}
