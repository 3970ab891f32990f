package dev.warden.cli;

import dev.warden.policy.Policy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code warden policy check FILE}: exit 1 with every error, line by line; otherwise the effective
 * policy (overrides applied, each value with where it came from) and what is not in force.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validates a policy file and prints the effective policy.")
final class PolicyCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The policy file.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Policy policy = PolicyFiles.load(file, spec.commandLine().getErr());
        if (policy == null) {
            return ExitCodes.FINDING;
        }
        out.println("OK: " + file + " (policy " + policy.version() + ")");
        out.println();
        out.println("Effective policy:");
        for (Map.Entry<String, String> e : policy.effectiveProperties()) {
            String origin = policy.origin(e.getKey());
            out.println("  " + e.getKey() + " = " + e.getValue() + (origin == null ? "" : "    # " + origin));
        }
        for (String warning : policy.notInForce()) {
            out.println("warning: " + warning);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
