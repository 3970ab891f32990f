package dev.warden.cli;

import dev.warden.agent.audit.AuditReader;
import dev.warden.policy.Policy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code warden policy replay FILE --dir D}: every recorded decision that {@code FILE} would make
 * differently, one a line ({@code <time>  <action> <target>  deny (rule) -> allow (rule)  "reason"  seq=N}),
 * then a summary. Exit 0 when nothing changes, 1 when something does (a finding, so a deployment
 * script can stop), 2 on bad usage.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays the calls recorded in a trail against a new policy and prints every decision that would change.")
final class PolicyReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The new policy file.")
    Path file;

    @Mixin
    TrailOptions trail;

    @Override
    public Integer call() throws Exception {
        Policy policy = PolicyFiles.load(file, spec.commandLine().getErr());
        if (policy == null) {
            return ExitCodes.FINDING;
        }
        PrintWriter out = spec.commandLine().getOut();
        TrailReplay replay = new TrailReplay(policy);
        try (AuditReader reader = trail.open()) {
            reader.readAll(r -> out.print(replay.replay(r)));
        }
        out.println(replay.changed + " of " + replay.replayed + " decisions would change under " + file
                + " (version " + policy.version() + ")" + (replay.skipped > 0 ? "; " + replay.skipped
                + " records not replayed (decided at run time, or Warden's own)" : ""));
        out.flush();
        return replay.changed == 0 ? ExitCodes.OK : ExitCodes.FINDING;
    }
}
