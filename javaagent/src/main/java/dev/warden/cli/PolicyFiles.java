package dev.warden.cli;

import dev.warden.policy.Overrides;
import dev.warden.policy.Policy;
import dev.warden.policy.PolicyError;
import dev.warden.policy.PolicyException;
import dev.warden.policy.PolicyLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loading a policy for a command, the way the agent would (overrides from the environment applied). */
final class PolicyFiles {

    private PolicyFiles() {}

    /**
     * The policy in {@code file}, or {@code null} after printing every error to {@code err}, one
     * {@code file:line: message} a line. A file that cannot be read at all is bad usage.
     */
    static Policy load(Path file, PrintWriter err) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageError("cannot read the policy file " + file);
        }
        try {
            return PolicyLoader.load(file, Overrides.fromEnvironment());
        } catch (PolicyException e) {
            for (PolicyError error : e.errors()) {
                err.println(error);
            }
            return null;
        }
    }
}
