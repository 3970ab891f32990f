package dev.warden.policy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The start-up overrides of global keys, and the names {@code ${…}} expands from.
 *
 * <p>A global key (never {@code warden.rule.*}) is overridden by the system property of the same
 * name, else by the environment variable of the key in upper case with dots and dashes turned into
 * underscores ({@code warden.audit.mail-subject} → {@code WARDEN_AUDIT_MAIL_SUBJECT}); both win over
 * the file. The values are a snapshot: changing a system property later changes nothing, as
 * policy.md promises, and a reload sees the same overrides as the start-up did.
 */
public final class Overrides {

    private static volatile Overrides environment;

    private final Map<String, String> systemProperties;
    private final Map<String, String> env;
    private final boolean overridesKeys;

    private Overrides(Map<String, String> systemProperties, Map<String, String> env, boolean overridesKeys) {
        this.systemProperties = Map.copyOf(systemProperties);
        this.env = Map.copyOf(env);
        this.overridesKeys = overridesKeys;
    }

    /**
     * This JVM's system properties and environment, snapshotted by the first call; every later call
     * returns that same snapshot, so a policy reloaded later sees the start-up overrides.
     */
    public static Overrides fromEnvironment() {
        Overrides o = environment;
        if (o == null) {
            synchronized (Overrides.class) {
                if (environment == null) {
                    environment = new Overrides(liveSystemProperties(), System.getenv(), true);
                }
                o = environment;
            }
        }
        return o;
    }

    /**
     * The file as written: no key is overridden. {@code ${…}} still expands from this JVM's system
     * properties and environment, since a policy that names {@code ${java.io.tmpdir}} means this JVM's.
     */
    public static Overrides none() {
        return new Overrides(liveSystemProperties(), System.getenv(), false);
    }

    /** Overrides (and expansion names) from the given maps, for tests and tools. */
    public static Overrides of(Map<String, String> systemProperties, Map<String, String> env) {
        return new Overrides(systemProperties, env, true);
    }

    /** The environment variable that overrides {@code key}: {@code WARDEN_AUDIT_MAIL_SUBJECT}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The overriding value of a global key, or {@code null}. The system property wins. */
    String valueOf(String key) {
        if (!overridesKeys) {
            return null;
        }
        String v = systemProperties.get(key);
        return v != null ? v : env.get(environmentName(key));
    }

    /** Where {@link #valueOf} found its value: {@code system property} or {@code environment WARDEN_MODE}. */
    String originOf(String key) {
        return systemProperties.containsKey(key) ? "system property" : "environment " + environmentName(key);
    }

    /** The value {@code ${name}} expands to: the system property, else the environment variable; or {@code null}. */
    String lookup(String name) {
        String v = systemProperties.get(name);
        return v != null ? v : env.get(name);
    }

    /** A JVM property for the built-in rules: from this snapshot, else from the live JVM. */
    String jvmProperty(String name) {
        String v = systemProperties.get(name);
        return v != null ? v : System.getProperty(name);
    }

    private static Map<String, String> liveSystemProperties() {
        Map<String, String> m = new HashMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k instanceof String && v instanceof String) {
                m.put((String) k, (String) v);
            }
        });
        return m;
    }
}
