package dev.warden.policy;

import java.util.ArrayList;
import java.util.List;

/** The fields of {@code warden.rule.<name>.<field>}, as policy.md's rule table lists them. */
enum RuleField {
    ACTIONS("actions"),
    TARGETS("targets"),
    EXCEPT("except"),
    EFFECT("effect"),
    REASON("reason"),
    ROLES("roles"),
    HOURS("hours"),
    LIMIT("limit"),
    MAX_TARGETS("max-targets"),
    MAX_ROWS("max-rows"),
    AFTER("after"),
    MODE("mode");

    final String field;

    RuleField(String field) {
        this.field = field;
    }

    /** The field spelled {@code name}, or {@code null}. */
    static RuleField of(String name) {
        for (RuleField f : values()) {
            if (f.field.equals(name)) {
                return f;
            }
        }
        return null;
    }

    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (RuleField f : values()) {
            names.add(f.field);
        }
        return names;
    }
}
