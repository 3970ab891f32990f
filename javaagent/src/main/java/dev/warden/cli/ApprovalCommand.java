package dev.warden.cli;

import dev.warden.agent.audit.AuditReader;
import dev.warden.agent.audit.AuditRecord;
import dev.warden.agent.audit.ControlMessage;
import java.io.IOException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code approve ID} and {@code reject ID}: answers one pending approval request. The id must be
 * that of a {@code pending} record in the trail that is not answered yet — else the command says
 * so and exits 2, instead of sending an answer no agent waits for.
 */
abstract class ApprovalCommand {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The request's id (approval= in audit tail).")
    String id;

    @Mixin
    ControlOptions control;

    Integer answer(ControlMessage.Kind kind, String verb) throws IOException {
        String by = control.sender();
        requireWaiting();
        control.send(kind, id, by);
        spec.commandLine().getOut().println(verb + " " + id + " (by " + by + ")");
        return ExitCodes.OK;
    }

    private void requireWaiting() throws IOException {
        boolean asked = false;
        String answered = null;
        try (AuditReader reader = control.trail()) {
            AuditRecord r = new AuditRecord();
            while (reader.next(r)) {
                if (!id.equals(r.approval)) {
                    continue;
                }
                if ("pending".equals(r.decision)) {
                    asked = true;
                } else if (answered == null) {
                    answered = r.decision + (r.reason == null ? "" : " (" + r.reason + ")");
                }
            }
        }
        if (!asked) {
            throw new UsageError("no approval request '" + id + "' in the trail in " + control.dir
                    + " (audit tail --dir " + control.dir + " shows pending requests as approval=ID)");
        }
        if (answered != null) {
            throw new UsageError("approval request '" + id + "' was already answered: " + answered);
        }
    }
}
