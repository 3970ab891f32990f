package dev.warden.agent.startup;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code key=value,key=value} agent arguments; a bare value is taken as {@code config}. */
final class AgentArgs {

    private AgentArgs() {}

    static Map<String, String> parse(String args) {
        Map<String, String> out = new LinkedHashMap<>();
        if (args == null || args.isBlank()) {
            return out;
        }
        for (String part : args.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                out.put("config", part.trim());
            } else {
                out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return out;
    }
}
