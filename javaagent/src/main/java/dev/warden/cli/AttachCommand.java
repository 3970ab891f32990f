package dev.warden.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import dev.warden.policy.Policy;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code warden attach PID --config FILE}: loads this jar into a running JVM as an agent
 * ({@code agentmain}), which then governs every call made after it returns. The policy is checked
 * here first, so that a broken file never reaches the running application; the target reads it
 * again itself (by absolute path: its working directory is not ours).
 *
 * <p>The target must allow it: the same user, the attach mechanism on (not
 * {@code -XX:+DisableAttachMechanism}), and on JDK 21+ dynamic agent loading not refused
 * ({@code -XX:-EnableDynamicAgentLoading}, JEP 451); {@code -XX:+EnableDynamicAgentLoading}
 * only silences the warning JDK 21+ prints when an agent is loaded late.
 */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = "Loads Warden into a running JVM: calls made after it returns are governed.")
final class AttachCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID", description = "The process id of the running JVM.")
    long pid;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The policy file.")
    Path config;

    @Override
    public Integer call() throws URISyntaxException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path policyFile = config.toAbsolutePath().normalize();
        Policy policy = PolicyFiles.load(policyFile, err);
        if (policy == null) {
            err.println("warden: not attached: the policy is invalid");
            return ExitCodes.FINDING;
        }
        Path agentJar = Path.of(AttachCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException | IOException e) {
            err.println("warden: cannot attach to process " + pid + ": " + e.getMessage()
                    + " (is it a JVM of this user, running without -XX:+DisableAttachMechanism?)");
            return ExitCodes.FINDING;
        }
        try {
            vm.loadAgent(agentJar.toString(), "config=" + policyFile);
        } catch (AgentInitializationException e) {
            // The reason (an invalid policy there, Warden already loaded) is on the target's stderr.
            err.println("warden: Warden did not start in process " + pid + " (its stderr says why: the policy as it reads it,"
                    + " or Warden already loaded there); it runs on as before: " + e.getMessage());
            return ExitCodes.FINDING;
        } catch (AgentLoadException | IOException e) {
            err.println("warden: process " + pid + " refused the agent: " + e.getMessage()
                    + " (a JVM started with -XX:-EnableDynamicAgentLoading refuses every late agent, by design)");
            return ExitCodes.FINDING;
        } finally {
            detach(vm);
        }
        out.println("attached Warden to process " + pid + " with " + policyFile + " (policy " + policy.version()
                + "); audit trail in " + policy.settings().auditDir());
        out.flush();
        return ExitCodes.OK;
    }

    private static void detach(VirtualMachine vm) {
        try {
            vm.detach();
        } catch (IOException e) {
            // the agent is loaded or not either way; the connection closes with this process
        }
    }
}
