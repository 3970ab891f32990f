package dev.warden.agent.startup;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;

/**
 * Start-up in the order the JVM forces on us: first define the bootstrap API in the boot loader
 * (nothing may link against it before), open the JDK internals Chronicle needs, then hand over to
 * {@link Installer}, a separate class so that none of its references are resolved too early.
 *
 * <p>An exception escaping {@code premain} makes the JVM abort with a stack trace ("processing of
 * -javaagent failed"), so every failure ends here, in one clear message.
 */
public final class AgentStartup {

    private static boolean started;

    private AgentStartup() {}

    public static synchronized void start(String args, Instrumentation inst, boolean attached) {
        if (started) {
            return;
        }
        started = true;
        Path config = ConfigLocator.locate(args);
        try {
            StartupTimer.phase("premain entered");
            dev.warden.agent.audit.ChronicleAuditTrail.prepareEnvironment();
            ModuleOpener.openForWarden(inst);
            Path agentJar = BootstrapInjector.agentJar();
            // Read by the policy's built-in warden-self rule: the application may not replace it.
            System.setProperty("warden.agent.jar", agentJar.toString());
            Class<?> gate = BootstrapInjector.inject(inst, agentJar);
            StartupTimer.phase("bootstrap API injected");
            Installer.install(inst, gate, config, agentJar);
            StartupTimer.phase("installed");
        } catch (StartupFailure.Stop stop) {
            StartupFailure.halt(stop.getMessage());
        } catch (Throwable t) {
            if (StartupFailure.failOpen(config)) {
                System.err.println("warden: could not start, running ungoverned (warden.failure = open): " + t);
            } else {
                StartupFailure.halt("could not start: " + t);
            }
        }
    }
}
