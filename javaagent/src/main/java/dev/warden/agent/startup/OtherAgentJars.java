package dev.warden.agent.startup;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * The jars of the other {@code -javaagent}s on the JVM's command line, published in the system
 * property {@code warden.jvm.agents} for the built-in {@code jvm} rule. A Java agent named after
 * Warden (the OpenTelemetry agent after Warden's flag) is appended to the class path only when the
 * JVM gets to it, after Warden's policy is compiled: without this, the JVM's read of that jar is
 * denied and the other agent fails to start ({@code ClassNotFoundException} for its premain class).
 */
final class OtherAgentJars {

    static final String PROPERTY = "warden.jvm.agents";

    private OtherAgentJars() {}

    static void publish() {
        List<String> jars = new ArrayList<>();
        for (String arg : runtimeArguments()) {
            if (arg.startsWith("-javaagent:")) {
                String spec = arg.substring("-javaagent:".length());
                int options = spec.indexOf('=');
                jars.add(options < 0 ? spec : spec.substring(0, options));
            }
        }
        System.setProperty(PROPERTY, String.join(File.pathSeparator, jars));
    }

    /**
     * The JVM's own flags, as {@code RuntimeMXBean.getInputArguments()} returns them, without
     * loading {@code java.management} at start-up ({@code jdk.internal.misc} is exported to Warden
     * by {@link ModuleOpener}).
     */
    private static String[] runtimeArguments() {
        try {
            // null, not an empty array, on JDK 17 when the JVM was started without any flag
            String[] args = (String[]) Class.forName("jdk.internal.misc.VM").getMethod("getRuntimeArguments").invoke(null);
            return args == null ? new String[0] : args;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new String[0];
        }
    }
}
