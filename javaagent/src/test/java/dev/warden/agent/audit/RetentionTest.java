package dev.warden.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

    @TempDir
    Path dir;

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aDayGoesOnceItsLastRecordIsOlderThanTheRetention() throws Exception {
        for (String name : List.of("20261201F.cq4", "20261202F.cq4", "20261203F.cq4", "20261204F.cq4", "metadata.cq4t", "notes.txt")) {
            Files.writeString(dir.resolve(name), "x");
        }
        // 2 days: the 2nd ended 2026-12-03T00:00, 34 hours ago — kept; the 1st ended 58 hours ago — removed.
        assertEquals(1, new Retention(Duration.ofDays(2)).sweep(dir, NOW));
        assertEquals(List.of("20261202F.cq4", "20261203F.cq4", "20261204F.cq4", "metadata.cq4t", "notes.txt"), names());
        // 1 hour: every earlier day goes, today's file never.
        assertEquals(2, new Retention(Duration.ofHours(1)).sweep(dir, NOW));
        assertEquals(List.of("20261204F.cq4", "metadata.cq4t", "notes.txt"), names());
        assertEquals(0, new Retention(null).sweep(dir, NOW.plus(Duration.ofDays(400))));
    }

    @Test
    void onlyDailyFileNamesAreDays() {
        assertEquals(java.time.LocalDate.of(2026, 12, 4), Retention.dayOf("20261204F.cq4"));
        assertNull(Retention.dayOf("20261304F.cq4"));
        assertNull(Retention.dayOf("2026120F.cq4"));
        assertNull(Retention.dayOf("metadata.cq4t"));
    }

    private List<String> names() throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
