package dev.warden.cli;

import dev.warden.agent.audit.AuditReader;
import dev.warden.agent.audit.ControlChannel;
import dev.warden.agent.audit.ControlMessage;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * What the control commands ({@code suspend}, {@code resume}, {@code session revoke},
 * {@code approve}, {@code reject}) share: the audit directory whose agents they reach, who sends
 * the message, and the sending itself.
 */
final class ControlOptions {

    @Option(names = "--dir", required = true, paramLabel = "DIR",
            description = "The audit directory (warden.audit.dir) of the agents to reach.")
    Path dir;

    @Option(names = "--by", paramLabel = "NAME",
            description = "Who sends this, recorded in the trail (default: the OS user).")
    String by;

    /** The sender: {@code --by}, else the OS user. */
    String sender() {
        String name = by != null ? by : System.getProperty("user.name", "unknown");
        if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
            throw new UsageError("--by needs a name");
        }
        return name.strip();
    }

    /** Opens the trail, to look ids up; a directory that is not a trail is bad usage. */
    AuditReader trail() {
        try {
            return AuditReader.open(dir);
        } catch (IOException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /**
     * Appends the message to the directory's control channel, which every agent writing there reads;
     * a directory that is not a trail is bad usage (a typo must not create a channel no agent reads).
     */
    void send(ControlMessage.Kind kind, String subject, String sender) {
        try (ControlChannel channel = ControlChannel.openOfTrail(dir)) {
            channel.send(new ControlMessage(kind, subject, sender, System.currentTimeMillis()));
        } catch (IOException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
