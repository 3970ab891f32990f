package dev.warden.cli;

import dev.warden.agent.audit.AuditReader;
import dev.warden.agent.audit.Since;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The options every command that reads a trail shares: where it is, and which records. */
final class TrailOptions {

    @Option(names = "--dir", required = true, paramLabel = "DIR",
            description = "The audit directory (warden.audit.dir).")
    Path dir;

    @Option(names = "--since", paramLabel = "TIME", converter = SinceConverter.class,
            description = "Only records from then on: an instant (2026-11-24T09:15:02Z), a date, or a duration ago (15m, 8h, 7d).")
    Instant since;

    @Option(names = "--decision", paramLabel = "DECISION",
            description = "Only records with this decision: allow, deny, would-deny, pending, approved, rejected, error.")
    String decision;

    /** Opens the trail with the filters applied; a directory that is not a trail is bad usage. */
    AuditReader open() {
        try {
            return AuditReader.open(dir).since(since).decision(decision);
        } catch (IOException e) {
            throw new UsageError(e.getMessage());
        }
    }

    static final class SinceConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return Since.parse(value, Instant.now());
        }
    }
}
