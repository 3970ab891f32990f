package dev.warden.cli;

import dev.warden.agent.audit.AuditReader;
import dev.warden.agent.audit.AuditText;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code warden audit tail --dir D [--follow]}: the trail as lines for a person. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Prints the trail's records as human-readable lines.")
final class AuditTailCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrailOptions trail;

    @Option(names = {"-f", "--follow"}, description = "Keep printing records as they are appended (Ctrl-C stops).")
    boolean follow;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (AuditReader reader = trail.open()) {
            if (follow) {
                // checkError() flushes, so each record shows at once; it turns true when the reader
                // of our stdout has gone (| head), which ends the loop.
                reader.follow(r -> out.println(AuditText.line(r)), () -> !out.checkError());
            } else {
                reader.readAll(r -> out.println(AuditText.line(r)));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
