package dev.warden.cli;

import dev.warden.agent.audit.ControlMessage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code warden suspend --dir D}: the kill switch, for every agent writing to D, until {@code resume}. */
@Command(name = "suspend", mixinStandardHelpOptions = true,
        description = "Denies every governed action of every agent writing to the audit directory, until resume.")
final class SuspendCommand extends SwitchCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return flip(ControlMessage.Kind.SUSPEND, "suspended (every governed action is denied until resume):");
    }
}
