package dev.warden.cli;

import dev.warden.policy.Action;
import dev.warden.policy.Policy;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code warden policy explain FILE ACTION TARGET [--role R]}: the decision and every rule that matched, and why. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explains how a policy decides one action on one target.")
final class PolicyExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The policy file.")
    Path file;

    @Parameters(index = "1", paramLabel = "ACTION", description = "An action, e.g. file.read, http.GET, sql.DELETE.")
    String action;

    @Parameters(index = "2", paramLabel = "TARGET", description = "The target, as the policy contract writes it.")
    String target;

    @Option(names = "--role", paramLabel = "ROLE", description = "The agent's role (default: the policy's warden.agent.role).")
    String role;

    @Override
    public Integer call() {
        Action a = Action.parse(action);
        if (a == null) {
            throw new UsageError("unknown action '" + action + "'; known actions: "
                    + Action.all().stream().map(Action::name).collect(Collectors.joining(", ")));
        }
        Policy policy = PolicyFiles.load(file, spec.commandLine().getErr());
        if (policy == null) {
            return ExitCodes.FINDING;
        }
        spec.commandLine().getOut().println(policy.explain(a, target, role));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
