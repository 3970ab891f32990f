package dev.warden.agent.governor;

import dev.warden.bootstrap.Gate;
import java.io.FileNotFoundException;

/**
 * Builds the exception a denied caller sees: the one the intercepted API already declares, with
 * the message {@code Warden denied <action> <target>: <reason> (<cause>)} from policy.md.
 */
final class Denials {

    private Denials() {}

    static String message(String action, String target, String reason, String rule) {
        // policy.md: a denial by the trust ceiling names the level, "(trust read-only)", which is its reason.
        String cause = "trust".equals(rule) ? reason : cause(rule);
        return "Warden denied " + action + " " + target + ": " + reason + " (" + cause + ")";
    }

    /** {@code rule <name>} for a policy rule, {@code default}, or the mechanism that denied. */
    static String cause(String rule) {
        switch (rule) {
            case "default":
            case "kill-switch":
            case "session":
            case "circuit-breaker":
            case "error":
                return rule;
            default:
                return rule.startsWith("trust ") ? rule : "rule " + rule;
        }
    }

    static Exception forFileApi(int api, String path, String message) {
        switch (api) {
            case Gate.API_IO_STREAM:
                return new FileNotFoundException(message);
            case Gate.API_NIO:
                return new WardenAccessDeniedException(path, message);
            default:
                return new SecurityException(message);
        }
    }
}
