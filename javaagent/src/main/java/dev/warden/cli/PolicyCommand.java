package dev.warden.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code warden policy ...}: checking, explaining and replaying policy files. */
@Command(name = "policy",
        description = "Checks, explains and replays policy files.",
        mixinStandardHelpOptions = true,
        subcommands = {PolicyCheckCommand.class, PolicyExplainCommand.class, PolicyReplayCommand.class})
final class PolicyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: check, explain or replay");
    }
}
