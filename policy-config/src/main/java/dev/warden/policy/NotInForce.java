package dev.warden.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lists what a policy uses that this version parses and validates but does not yet enforce, so
 * {@code policy check} and the start-up log can say so instead of letting users believe it.
 */
final class NotInForce {

    private static final Set<String> GLOBAL = Set.of("warden.sandbox.allow",
            "warden.breaker.errors", "warden.breaker.cooldown",
            "warden.metrics.port", "warden.metrics.bind", "warden.reload");

    static final String SUFFIX = " is parsed but not yet enforced by this version";

    private NotInForce() {}

    static List<String> of(List<Entry> entries) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            String key = e.key();
            String note = null;
            if (GLOBAL.contains(key)) {
                note = key + SUFFIX;
            } else if (key.equals("warden.agent.trust") && !e.value().trim().equalsIgnoreCase("full")) {
                note = key + " = " + e.value() + SUFFIX + " (every rule applies as under full trust)";
            } else if (RuleKey.isRuleKey(key)) {
                note = ruleNote(key, e.value());
            }
            if (note != null) {
                out.add((e.line() > 0 ? "line " + e.line() : e.origin()) + ": " + note);
            }
        }
        return out;
    }

    private static String ruleNote(String key, String value) {
        if (key.endsWith(".after")) {
            return key + SUFFIX + ": until it is, a deny rule with after applies as if its condition held,"
                    + " and an allow or approve rule with after never applies";
        }
        return null;
    }
}
