package dev.warden.policy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the fields of one {@code warden.rule.<name>} into a {@link Rule}, reporting every
 * problem with the line of the field it is about.
 */
final class RuleCompiler {

    /** Names the audit trail uses for decisions made without a user rule. */
    static final Set<String> RESERVED = Set.of("default", "jvm", "warden-self", "kill-switch", "trust",
            "session", "circuit-breaker");

    private final Path baseDir;
    private final ZoneId defaultZone;
    private final Problems problems;
    private final Map<String, RateLimiter> previousLimiters;
    private final AfterIndices afterIndices;

    RuleCompiler(Path baseDir, ZoneId defaultZone, Problems problems, Map<String, RateLimiter> previousLimiters,
            AfterIndices afterIndices) {
        this.baseDir = baseDir;
        this.defaultZone = defaultZone;
        this.problems = problems;
        this.previousLimiters = previousLimiters;
        this.afterIndices = afterIndices;
    }

    /** The compiled rule, or {@code null} when it has errors (all of them reported). */
    Rule compile(String name, int firstLine, EnumMap<RuleField, Entry> fields) {
        int before = problems.count();
        RuleParts r = new RuleParts(name, firstLine);
        String key = "warden.rule." + name;
        Entry actions = fields.get(RuleField.ACTIONS);
        Entry effect = fields.get(RuleField.EFFECT);
        if (actions == null) {
            problems.add(firstLine, "rule '" + name + "' has no " + key + ".actions");
        } else {
            r.actions = actions(actions);
        }
        if (effect == null) {
            problems.add(firstLine, "rule '" + name + "' has no " + key + ".effect (allow, deny, approve or monitor)");
        } else {
            r.effect = parse(effect, v -> PolicyValues.parse(Effect.class, v));
        }
        Entry mode = fields.get(RuleField.MODE);
        if (mode != null) {
            r.mode = parse(mode, v -> PolicyValues.parse(Mode.class, v));
        }
        Entry reason = fields.get(RuleField.REASON);
        r.reason = reason == null ? null : reason.value();
        targets(r, fields.get(RuleField.TARGETS), fields.get(RuleField.EXCEPT));
        Entry roles = fields.get(RuleField.ROLES);
        if (roles != null) {
            r.roles = parse(roles, CommaList::split);
        }
        Entry hours = fields.get(RuleField.HOURS);
        if (hours != null) {
            r.hours = parse(hours, v -> Hours.parse(v, defaultZone));
        }
        Entry after = fields.get(RuleField.AFTER);
        if (after != null) {
            r.after = parse(after, v -> AfterCondition.parse(v, baseDir));
            if (r.after != null) {
                Integer index = parse(after, v -> afterIndices.indexOf(r.after));
                r.afterIndex = index == null ? -1 : index;
            }
        }
        limits(r, fields);
        if (r.actions.isEmpty() || r.effect == null || problems.count() > before) {
            return null;
        }
        return new Rule(r);
    }

    private List<Action> actions(Entry e) {
        Set<Action> out = new LinkedHashSet<>();
        List<String> patterns = parse(e, CommaList::split);
        if (patterns == null) {
            return List.of();
        }
        for (String p : patterns) {
            List<Action> expanded = parse(e, v -> ActionPatterns.expand(p));
            if (expanded != null) {
                out.addAll(expanded);
            }
        }
        return List.copyOf(out);
    }

    private void targets(RuleParts r, Entry targets, Entry except) {
        if ((targets == null && except == null) || r.actions.isEmpty()) {
            return;
        }
        TargetSyntax syntax = r.actions.get(0).syntax();
        for (Action a : r.actions) {
            if (a.syntax() != syntax && !(onlyWildcards(targets) && except == null)) {
                Entry at = targets != null ? targets : except;
                problems.add(at.line(), "rule '" + r.name + "' gives targets for actions whose targets differ: "
                        + r.actions.get(0) + " takes " + syntax.description + ", " + a + " takes "
                        + a.syntax().description + wildcardNote(a) + "; split it into one rule per kind of target");
                return;
            }
        }
        if (targets != null) {
            r.targetsText = parse(targets, CommaList::split);
            r.targets = patterns(targets, r.targetsText, syntax);
        }
        if (except != null) {
            r.exceptText = parse(except, CommaList::split);
            r.except = patterns(except, r.exceptText, syntax);
        }
    }

    /** {@code targets = *} means every target in every syntax, so it mixes with anything. */
    private static boolean onlyWildcards(Entry targets) {
        if (targets == null) {
            return false;
        }
        for (String t : targets.value().split(",")) {
            if (!t.trim().equals("*") && !t.trim().equals("**")) {
                return false;
            }
        }
        return true;
    }

    private String wildcardNote(Action a) {
        return a == Action.SQL_CONNECT ? " (sql.* includes sql.connect: list the verbs, e.g. sql.SELECT, sql.INSERT)" : "";
    }

    private TargetMatcher[] patterns(Entry e, List<String> texts, TargetSyntax syntax) {
        if (texts == null) {
            return null;
        }
        List<TargetMatcher> out = new ArrayList<>();
        for (String t : texts) {
            TargetMatcher m = parse(e, v -> syntax.compile(t, baseDir));
            if (m != null) {
                out.add(m);
            }
        }
        return out.toArray(new TargetMatcher[0]);
    }

    private void limits(RuleParts r, EnumMap<RuleField, Entry> fields) {
        boolean decidesAllow = r.effect == Effect.ALLOW || r.effect == Effect.APPROVE;
        for (RuleField f : List.of(RuleField.LIMIT, RuleField.MAX_TARGETS, RuleField.MAX_ROWS)) {
            Entry e = fields.get(f);
            if (e != null && r.effect != null && !decidesAllow) {
                problems.add(e.line(), f.field + " only applies to allow and approve rules; rule '" + r.name
                        + "' is " + r.effect.policyValue());
            }
        }
        Entry limit = fields.get(RuleField.LIMIT);
        if (limit != null) {
            Limit l = parse(limit, Limit::parse);
            if (l != null) {
                RateLimiter previous = previousLimiters.get(r.name);
                // Kept across reloads while the rule's name and limit are unchanged (policy.md).
                r.limiter = previous != null && previous.limit().equals(l) ? previous : new RateLimiter(l);
            }
        }
        Entry maxTargets = fields.get(RuleField.MAX_TARGETS);
        if (maxTargets != null) {
            Long n = parse(maxTargets, v -> positive(v, Integer.MAX_VALUE));
            r.maxTargets = n == null ? 0 : n.intValue();
        }
        Entry maxRows = fields.get(RuleField.MAX_ROWS);
        if (maxRows != null) {
            Long n = parse(maxRows, v -> positive(v, Long.MAX_VALUE));
            r.maxRows = n == null ? 0 : n;
            if (!r.actions.isEmpty() && !r.actions.contains(Action.sql("SELECT"))) {
                problems.add(maxRows.line(), "max-rows applies to sql.SELECT, which rule '" + r.name + "' does not name");
            }
        }
    }

    private static long positive(String v, long max) {
        try {
            long n = Long.parseLong(v.trim());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("'" + v + "' is not a whole number from 1 to " + max);
    }

    private interface Parser<T> {
        T parse(String value);
    }

    /** Parses one field's value, or reports the error on its line and returns {@code null}. */
    private <T> T parse(Entry e, Parser<T> parser) {
        try {
            return parser.parse(e.value());
        } catch (IllegalArgumentException ex) {
            problems.add(e.line(), e.key() + ": " + ex.getMessage());
            return null;
        }
    }
}
