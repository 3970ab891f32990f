package dev.warden.policy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps of one load, in order: properties → known keys → overrides → {@code ${…}} →
 * settings → rules → built-ins. Each step reports into the same {@link Problems}, so one run shows
 * every error in the file.
 */
final class PolicyCompiler {

    private final Path file;
    private final Overrides overrides;
    private final Clock clock;
    private final Map<String, RateLimiter> previousLimiters;
    private final AfterIndices afterIndices;
    /** The settings of the policy a reload replaces, or {@code null} at start-up. */
    private final Settings inForce;
    private final Problems problems;
    private final Path baseDir;
    /** Keys whose {@code ${…}} failed: already reported, so their rule or setting is not judged again. */
    private final Set<String> unexpanded = new HashSet<>();

    /**
     * {@code previousAfter}: the numbers of the policy a reload replaces (copied, never changed), or
     * {@code null}; {@code inForce}: its settings, whose restart-only values the new policy keeps,
     * or {@code null} at start-up.
     */
    PolicyCompiler(Path file, Overrides overrides, Clock clock, Map<String, RateLimiter> previousLimiters,
            AfterIndices previousAfter, Settings inForce) {
        this.file = file;
        this.overrides = overrides;
        this.clock = clock;
        this.previousLimiters = previousLimiters;
        this.afterIndices = previousAfter == null ? new AfterIndices() : previousAfter.copy();
        this.inForce = inForce;
        this.problems = new Problems(file.toString());
        String userDir = overrides.jvmProperty("user.dir");
        this.baseDir = Path.of(userDir != null ? userDir : "").toAbsolutePath().normalize();
    }

    Policy compile(String text) throws PolicyException {
        List<Entry> entries = knownKeys(PropertiesReader.read(text, problems));
        entries = withOverrides(entries);
        entries = expanded(entries);
        Settings settings = settings(entries);
        List<String> restartPending = new ArrayList<>();
        if (inForce != null) {
            settings = settings.pinned(inForce, restartPending);
        }
        List<Rule> rules = new ArrayList<>();
        TrustCeiling ceiling = ceiling(entries, settings);
        RuleCompiler compiler = new RuleCompiler(baseDir, ZoneId.systemDefault(), problems, previousLimiters, afterIndices);
        ruleFields(entries).forEach((name, fields) -> {
            if (fields.values().stream().anyMatch(e -> unexpanded.contains(e.key()))) {
                return;
            }
            int firstLine = fields.values().stream().mapToInt(Entry::line).min().orElse(0);
            Rule r = compiler.compile(name, firstLine, fields);
            if (r != null) {
                rules.add(r);
            }
        });
        problems.throwIfAny();
        Path source = file.toAbsolutePath().normalize();
        List<Rule> all = new ArrayList<>(BuiltinRules.warden(source, settings));
        if (settings.builtinJvm()) {
            all.add(BuiltinRules.jvm(overrides, baseDir));
        }
        all.addAll(rules);
        return new Policy(settings, source, all, entries, NotInForce.of(entries), restartPending, clock, ceiling, afterIndices);
    }

    /** {@code warden.agent.trust} and {@code warden.sandbox.allow}, whose entries are reported on their line. */
    private TrustCeiling ceiling(List<Entry> entries, Settings settings) {
        String tmpdir = overrides.jvmProperty("java.io.tmpdir");
        try {
            return TrustCeiling.of(settings.trust(), settings.sandboxAllow(), tmpdir != null ? tmpdir : "/tmp", baseDir);
        } catch (IllegalArgumentException e) {
            Entry at = entries.stream().filter(x -> x.key().equals(GlobalKey.SANDBOX_ALLOW.key)).findFirst().orElse(null);
            problems.add(at == null ? 0 : at.line(), GlobalKey.SANDBOX_ALLOW.key + ": " + e.getMessage());
            return TrustCeiling.FULL;
        }
    }

    /** Drops (and reports) duplicate, foreign and unknown keys, and empty values. */
    private List<Entry> knownKeys(List<PropertiesReader.Line> lines) {
        Map<String, Integer> firstLine = new HashMap<>();
        List<Entry> out = new ArrayList<>();
        for (PropertiesReader.Line l : lines) {
            Integer first = firstLine.putIfAbsent(l.key(), l.line());
            if (first != null) {
                problems.add(l.line(), "duplicate key " + l.key() + " (first given on line " + first + ")");
            } else if (known(l.key(), l.line())) {
                if (l.value().isEmpty()) {
                    problems.add(l.line(), l.key() + " has no value (remove the line to leave it unset)");
                } else {
                    out.add(new Entry(l.key(), l.value(), l.line(), "file line " + l.line()));
                }
            }
        }
        return out;
    }

    private boolean known(String key, int line) {
        if (!key.startsWith("warden.")) {
            problems.add(line, "'" + key + "' is not a warden key: a policy file holds only warden.* keys");
            return false;
        }
        if (RuleKey.isRuleKey(key)) {
            try {
                RuleKey.parse(key);
                return true;
            } catch (IllegalArgumentException e) {
                problems.add(line, e.getMessage());
                return false;
            }
        }
        if (GlobalKey.of(key) == null) {
            problems.add(line, "unknown key " + key + Suggestions.didYouMean(key, GlobalKey.names()));
            return false;
        }
        return true;
    }

    /** A system property, else an environment variable, replaces a global key's value, in place or at the end. */
    private List<Entry> withOverrides(List<Entry> entries) {
        Map<String, Entry> byKey = new LinkedHashMap<>();
        entries.forEach(e -> byKey.put(e.key(), e));
        for (GlobalKey k : GlobalKey.values()) {
            String v = overrides.valueOf(k.key);
            if (v != null) {
                byKey.put(k.key, new Entry(k.key, v.trim(), 0, overrides.originOf(k.key)));
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private List<Entry> expanded(List<Entry> entries) {
        Expander expander = new Expander(overrides);
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            try {
                out.add(new Entry(e.key(), expander.expand(e.value()), e.line(), e.origin()));
            } catch (IllegalArgumentException ex) {
                problems.add(e.line(), label(e) + ": " + ex.getMessage());
                unexpanded.add(e.key());
                out.add(e);
            }
        }
        return out;
    }

    private Settings settings(List<Entry> entries) {
        Map<GlobalKey, Object> given = new EnumMap<>(GlobalKey.class);
        for (Entry e : entries) {
            GlobalKey k = GlobalKey.of(e.key());
            if (k == null || unexpanded.contains(e.key())) {
                continue;
            }
            try {
                if (e.value().isEmpty()) {
                    throw new IllegalArgumentException("has no value");
                }
                given.put(k, k.parser.parse(e.value(), baseDir));
            } catch (IllegalArgumentException ex) {
                problems.add(e.line(), label(e) + ": " + ex.getMessage());
            }
        }
        if (entries.stream().noneMatch(e -> e.key().equals(GlobalKey.AGENT_ID.key))) {
            problems.add(0, "warden.agent.id is required: the agent's identity (a service account, not a person)");
        }
        return new Settings(given, baseDir);
    }

    /** The rules' fields, grouped by rule name in order of first appearance. */
    private static Map<String, EnumMap<RuleField, Entry>> ruleFields(List<Entry> entries) {
        Map<String, EnumMap<RuleField, Entry>> rules = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (RuleKey.isRuleKey(e.key())) {
                RuleKey k = RuleKey.parse(e.key());
                rules.computeIfAbsent(k.name(), n -> new EnumMap<>(RuleField.class)).put(RuleField.of(k.field()), e);
            }
        }
        return rules;
    }

    /** How a message names an entry: the key for a file line, with its origin for an override. */
    private static String label(Entry e) {
        return e.line() > 0 ? e.key() : e.origin() + " " + e.key();
    }
}
