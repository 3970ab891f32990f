package dev.warden.agent.startup;

import java.nio.file.Path;

/**
 * Finds the policy file, first found wins (policy.md "Where the file comes from"): the agent
 * argument {@code config=...}, the system property {@code warden.config}, the environment
 * variable {@code WARDEN_CONFIG}, then {@code ./warden.properties}.
 */
final class ConfigLocator {

    private ConfigLocator() {}

    static Path locate(String agentArgs) {
        String fromArgs = AgentArgs.parse(agentArgs).get("config");
        if (fromArgs != null && !fromArgs.isBlank()) {
            return absolute(fromArgs);
        }
        String prop = System.getProperty("warden.config");
        if (prop != null && !prop.isBlank()) {
            return absolute(prop);
        }
        String env = System.getenv("WARDEN_CONFIG");
        if (env != null && !env.isBlank()) {
            return absolute(env);
        }
        return absolute("warden.properties");
    }

    private static Path absolute(String p) {
        return Path.of(p).toAbsolutePath().normalize();
    }
}
