package dev.warden.cli;

import dev.warden.agent.audit.AuditJson;
import dev.warden.agent.audit.AuditReader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code warden audit export --dir D [--since T] [--decision X]}: one JSON object per record and line. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Prints the trail's records as JSON lines.")
final class AuditExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrailOptions trail;

    @Override
    public Integer call() throws Exception {
        try (AuditReader reader = trail.open(); AuditJson json = new AuditJson(spec.commandLine().getOut())) {
            reader.readAll(json::write);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
