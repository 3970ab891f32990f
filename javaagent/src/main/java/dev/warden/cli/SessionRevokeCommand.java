package dev.warden.cli;

import dev.warden.agent.audit.AuditReader;
import dev.warden.agent.audit.AuditRecord;
import dev.warden.agent.audit.ControlMessage;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code warden session revoke ID --dir D}: every later action of session ID is denied (reason
 * {@code session revoked}). The id must appear in the trail — a mistyped id would otherwise revoke
 * nothing and say nothing.
 */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Denies every later action of the session (its id as audit tail/export show it).")
final class SessionRevokeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The session id.")
    String id;

    @Mixin
    ControlOptions control;

    @Override
    public Integer call() throws IOException {
        String by = control.sender();
        if (!appears(id)) {
            throw new UsageError("no session '" + id + "' in the trail in " + control.dir
                    + " (audit export --dir " + control.dir + " shows each record's session)");
        }
        control.send(ControlMessage.Kind.REVOKE_SESSION, id, by);
        spec.commandLine().getOut().println("revoked session " + id + ": its every later action is denied (by " + by + ")");
        return ExitCodes.OK;
    }

    private boolean appears(String session) throws IOException {
        try (AuditReader reader = control.trail()) {
            AuditRecord r = new AuditRecord();
            while (reader.next(r)) {
                if (session.equals(r.session)) {
                    return true;
                }
            }
        }
        return false;
    }
}
