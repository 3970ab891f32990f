package dev.warden.agent.startup;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;

/**
 * Start-up in the order the JVM forces on us: first define the bootstrap API in the boot loader
 * (nothing may link against it before), open the JDK internals Chronicle needs, then hand over to
 * {@link Installer}, a separate class so that none of its references are resolved too early.
 *
 * <p>An exception escaping {@code premain} makes the JVM abort with a stack trace ("processing of
 * -javaagent failed"), so every failure ends here, in one clear message. Attached to a running JVM
 * ({@code agentmain}), Warden never stops it: a failure is thrown back to {@code warden attach},
 * which reports it, and the application runs on as it ran before.
 */
public final class AgentStartup {

    private static boolean started;

    private AgentStartup() {}

    public static synchronized void start(String args, Instrumentation inst, boolean attached) {
        if (started) {
            if (attached) {
                throw new IllegalStateException("Warden is already loaded in this JVM: a second attach changes nothing");
            }
            return;
        }
        started = true;
        Path config = ConfigLocator.locate(args);
        // agentmain runs on the Attach Listener, whose context class loader may be null (JDK 25):
        // what start-up creates (Chronicle's threads among it) must see Warden's loader.
        Thread self = Thread.currentThread();
        ClassLoader context = self.getContextClassLoader();
        self.setContextClassLoader(AgentStartup.class.getClassLoader());
        try {
            StartupTimer.phase("premain entered");
            dev.warden.agent.audit.ChronicleAuditTrail.prepareEnvironment();
            ModuleOpener.openForWarden(inst);
            OtherAgentJars.publish();
            Path agentJar = BootstrapInjector.agentJar();
            // Read by the policy's built-in warden-self rule: the application may not replace it.
            System.setProperty("warden.agent.jar", agentJar.toString());
            Class<?> gate = BootstrapInjector.inject(inst, agentJar);
            StartupTimer.phase("bootstrap API injected");
            Installer.install(inst, gate, config, agentJar, attached);
            StartupTimer.phase("installed");
        } catch (StartupFailure.Stop stop) {
            if (attached) {
                throw new IllegalStateException("warden: " + stop.getMessage() + "\nwarden: not attached; the JVM runs on ungoverned");
            }
            StartupFailure.halt(stop.getMessage());
        } catch (Throwable t) {
            if (attached) {
                throw new IllegalStateException("warden: could not attach: " + t, t);
            }
            if (StartupFailure.failOpen(config)) {
                System.err.println("warden: could not start, running ungoverned (warden.failure = open): " + t);
            } else {
                StartupFailure.halt("could not start: " + t);
            }
        } finally {
            self.setContextClassLoader(context);
        }
    }
}
