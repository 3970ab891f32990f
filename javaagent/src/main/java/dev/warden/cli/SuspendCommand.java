package dev.warden.cli;

import dev.warden.agent.audit.ControlMessage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code warden suspend --dir D}: the kill switch, for every agent writing to D, until {@code resume}. */
@Command(name = "suspend", mixinStandardHelpOptions = true,
        description = "Denies every governed action of every agent writing to the audit directory, until resume.")
final class SuspendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ControlOptions control;

    @Override
    public Integer call() {
        String by = control.sender();
        control.send(ControlMessage.Kind.SUSPEND, null, by);
        spec.commandLine().getOut().println("suspended every agent writing to " + control.dir
                + ": every governed action is denied until resume (by " + by + ")");
        return ExitCodes.OK;
    }
}
