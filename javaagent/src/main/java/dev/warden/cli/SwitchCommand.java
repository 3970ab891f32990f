package dev.warden.cli;

import dev.warden.agent.audit.ControlMessage;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code suspend} and {@code resume}: the kill switch of every agent writing to an audit directory. */
abstract class SwitchCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    ControlOptions control;

    Integer flip(ControlMessage.Kind kind, String done) {
        String by = control.sender();
        control.send(kind, null, by);
        spec.commandLine().getOut().println(done + " every agent writing to " + control.dir + " (by " + by + ")");
        return ExitCodes.OK;
    }
}
