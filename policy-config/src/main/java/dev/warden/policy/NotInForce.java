package dev.warden.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lists what a policy uses that this version parses and validates but does not yet enforce, so
 * {@code policy check} and the start-up log can say so instead of letting users believe it.
 */
final class NotInForce {

    private static final Set<String> GLOBAL = Set.of();

    static final String SUFFIX = " is parsed but not yet enforced by this version";

    private NotInForce() {}

    static List<String> of(List<Entry> entries) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            String key = e.key();
            String note = null;
            if (GLOBAL.contains(key)) {
                note = key + SUFFIX;
            } else if (RuleKey.isRuleKey(key)) {
                note = ruleNote(key, e.value());
            }
            if (note != null) {
                out.add((e.line() > 0 ? "line " + e.line() : e.origin()) + ": " + note);
            }
        }
        return out;
    }

    /** Every rule field is in force in this version; a field added before it is enforced is listed here. */
    private static String ruleNote(String key, String value) {
        return null;
    }
}
