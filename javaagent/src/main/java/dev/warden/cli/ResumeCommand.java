package dev.warden.cli;

import dev.warden.agent.audit.ControlMessage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code warden resume --dir D}: ends a {@code suspend} (the kill-switch file, if any, still applies). */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Ends a suspension: agents writing to the audit directory decide by their policy again.")
final class ResumeCommand extends SwitchCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return flip(ControlMessage.Kind.RESUME, "resumed (decisions by the policy again):");
    }
}
