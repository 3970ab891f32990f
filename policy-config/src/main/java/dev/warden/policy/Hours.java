package dev.warden.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule's {@code hours}: windows separated by {@code ;} (see {@link HoursWindow}). A window
 * without a zone uses the first zone named in the value, or else the JVM's default zone.
 *
 * <p>{@link #isOpen} is on the decision path: it answers from the current open or closed stretch,
 * an immutable state that knows until when it holds, and computes a new one (allocating) only when
 * a stretch ends, a few times a day.
 */
final class Hours {

    /** An open or closed stretch {@code [from, until)}. */
    private record State(long from, long until, boolean open) {}

    private static final long DAY = 86_400_000L;

    private final List<HoursWindow> windows;
    private final String source;
    private volatile State state = new State(0, 0, false);

    private Hours(List<HoursWindow> windows, String source) {
        this.windows = windows;
        this.source = source;
    }

    /** @throws IllegalArgumentException naming the bad window */
    static Hours parse(String text, ZoneId defaultZone) {
        List<HoursWindow> parsed = new ArrayList<>();
        ZoneId named = null;
        for (String part : text.split(";", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("empty hours window in '" + text + "'");
            }
            HoursWindow w = HoursWindow.parse(part);
            if (named == null) {
                named = w.zone();
            }
            parsed.add(w);
        }
        ZoneId fallback = named != null ? named : defaultZone;
        List<HoursWindow> windows = new ArrayList<>();
        for (HoursWindow w : parsed) {
            windows.add(w.zone() != null ? w : w.withZone(fallback));
        }
        return new Hours(List.copyOf(windows), text.trim());
    }

    /** Whether {@code nowMillis} falls inside a window. Allocation-free except when a stretch ends. */
    boolean isOpen(long nowMillis) {
        State s = state;
        if (nowMillis < s.from || nowMillis >= s.until) {
            s = stateAt(nowMillis);
            state = s;
        }
        return s.open;
    }

    private State stateAt(long now) {
        List<long[]> intervals = new ArrayList<>();
        for (HoursWindow w : windows) {
            LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(now), w.zone());
            for (LocalDate d = today.minusDays(2); !d.isAfter(today.plusDays(8)); d = d.plusDays(1)) {
                long open = w.openMillis(d);
                if (open != Long.MIN_VALUE) {
                    intervals.add(new long[] {open, w.closeMillis(d)});
                }
            }
        }
        intervals.sort((a, b) -> Long.compare(a[0], b[0]));
        // Stretches are clipped to a margin well inside the days generated above, where nothing is missing.
        long lo = now - DAY / 2;
        long hi = now + 7 * DAY;
        long closedFrom = lo;
        for (int i = 0; i < intervals.size(); i++) {
            long start = intervals.get(i)[0];
            long end = intervals.get(i)[1];
            while (i + 1 < intervals.size() && intervals.get(i + 1)[0] <= end) {
                end = Math.max(end, intervals.get(++i)[1]);
            }
            if (now < start) {
                return new State(Math.max(closedFrom, lo), Math.min(start, hi), false);
            }
            if (now < end) {
                return new State(Math.max(start, lo), Math.min(end, hi), true);
            }
            closedFrom = end;
        }
        return new State(Math.max(closedFrom, lo), hi, false);
    }

    @Override
    public String toString() {
        return source;
    }
}
