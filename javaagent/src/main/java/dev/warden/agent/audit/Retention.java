package dev.warden.agent.audit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.slf4j.LoggerFactory;

/**
 * {@code warden.audit.retain}: deletes the trail's daily files ({@code yyyyMMdd'F'.cq4}, UTC) whose
 * last possible record is older than the retention — when the trail opens, and at each new daily
 * file. Whole files go, so a day's file is kept until its last hour has aged out; the file being
 * written is never touched. Runs as Warden (its own I/O is never governed, and the application
 * cannot delete these files itself: {@code warden-self}). A policy reload puts a new retention in
 * force ({@link #retain}), and the trail sweeps with it at once.
 */
final class Retention {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private volatile Duration retain;

    /** {@code retain} {@code null}: keep everything. */
    Retention(Duration retain) {
        this.retain = retain;
    }

    /** Puts {@code next} in force ({@code null}: keep everything); answers whether it changed. */
    boolean retain(Duration next) {
        boolean changed = !java.util.Objects.equals(next, retain);
        retain = next;
        return changed;
    }

    /** Returns how many files were deleted. */
    int sweep(Path dir, Instant now) {
        Duration retain = this.retain;
        if (retain == null) {
            return 0;
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*F.cq4")) {
            for (Path f : files) {
                LocalDate day = dayOf(f.getFileName().toString());
                if (day == null || !day.isBefore(today)) {
                    continue;
                }
                Instant lastRecord = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                if (!lastRecord.plus(retain).isAfter(now) && Files.deleteIfExists(f)) {
                    deleted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(Retention.class).warn("Warden could not remove old audit files in {}: {}", dir, e.toString());
        }
        return deleted;
    }

    /** The day of a {@code 20261204F.cq4} file, or {@code null} for any other name. */
    static LocalDate dayOf(String name) {
        if (name.length() != 13 || !name.endsWith("F.cq4")) {
            return null;
        }
        try {
            return LocalDate.parse(name.substring(0, 8), DAY);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
