package dev.warden.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code warden audit ...}: reading the audit trail and checking its hash chain. */
@Command(name = "audit",
        description = "Reads an audit trail and checks its hash chain.",
        mixinStandardHelpOptions = true,
        subcommands = {AuditTailCommand.class, AuditExportCommand.class, AuditVerifyCommand.class})
final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: tail, export or verify");
    }
}
