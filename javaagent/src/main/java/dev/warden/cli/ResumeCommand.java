package dev.warden.cli;

import dev.warden.agent.audit.ControlMessage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code warden resume --dir D}: ends a {@code suspend} (the kill-switch file, if any, still applies). */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Ends a suspension: agents writing to the audit directory decide by their policy again.")
final class ResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ControlOptions control;

    @Override
    public Integer call() {
        String by = control.sender();
        control.send(ControlMessage.Kind.RESUME, null, by);
        spec.commandLine().getOut().println("resumed every agent writing to " + control.dir
                + ": they decide by their policy again (by " + by + ")");
        return ExitCodes.OK;
    }
}
