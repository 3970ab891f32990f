package dev.warden.agent;

import dev.warden.agent.startup.AgentStartup;
import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points: {@code -javaagent:warden-agent.jar=config=warden.properties} calls
 * {@link #premain}; {@code warden-agent.jar attach PID} calls {@link #agentmain}.
 *
 * <p>This class must not touch the bootstrap API ({@code dev.warden.bootstrap}) itself: those
 * classes are defined in the bootstrap class loader by {@link AgentStartup} first, and linking them
 * earlier would load a second copy from the system class loader.
 */
public final class WardenAgent {

    private WardenAgent() {}

    public static void premain(String args, Instrumentation inst) {
        AgentStartup.start(args, inst, false);
    }

    public static void agentmain(String args, Instrumentation inst) {
        AgentStartup.start(args, inst, true);
    }
}
