package dev.warden.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code warden session ...}: acting on one session of the agents writing to an audit directory. */
@Command(name = "session",
        description = "Acts on one session of running agents.",
        mixinStandardHelpOptions = true,
        subcommands = {SessionRevokeCommand.class})
final class SessionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: revoke");
    }
}
