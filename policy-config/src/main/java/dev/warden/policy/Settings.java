package dev.warden.policy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The global settings of a policy, typed, with overrides applied and defaults filled in. Immutable.
 * Each accessor names its key; the defaults are policy.md's.
 */
public final class Settings {

    private final Map<GlobalKey, Object> values;

    /** {@code given}: the parsed values of the keys that were set; {@code baseDir} resolves the default audit dir. */
    Settings(Map<GlobalKey, Object> given, Path baseDir) {
        EnumMap<GlobalKey, Object> all = new EnumMap<>(GlobalKey.class);
        for (GlobalKey k : GlobalKey.values()) {
            Object v = given.get(k);
            all.put(k, v != null ? v : k.defaultValue);
        }
        if (all.get(GlobalKey.AUDIT_DIR) == null) {
            all.put(GlobalKey.AUDIT_DIR, baseDir.resolve("warden-audit").normalize());
        }
        this.values = all;
    }

    private Settings(EnumMap<GlobalKey, Object> values) {
        this.values = values;
    }

    /**
     * These settings as a running agent puts them in force on a reload: every key that takes effect
     * only at a restart ({@link GlobalKey.InForce#RESTART}: the audit directory, the metrics
     * endpoint) keeps its value from {@code inForce}, so that what reads them — the built-in
     * {@code warden-self} rule among others — goes on naming what the agent really uses. The keys
     * whose value the file changed are added to {@code waiting}: {@code key = new (in force: old)}.
     */
    Settings pinned(Settings inForce, List<String> waiting) {
        EnumMap<GlobalKey, Object> pinned = new EnumMap<>(values);
        for (GlobalKey k : GlobalKey.values()) {
            if (k.inForce == GlobalKey.InForce.RESTART && !java.util.Objects.equals(get(k), inForce.get(k))) {
                waiting.add(k.key + " = " + (get(k) == null ? "(none)" : get(k)) + " (in force: "
                        + (inForce.get(k) == null ? "none" : inForce.get(k)) + ")");
                pinned.put(k, inForce.get(k));
            }
        }
        return new Settings(pinned);
    }

    private Object get(GlobalKey key) {
        return values.get(key);
    }

    /** {@code warden.agent.id}. */
    public String agentId() { return (String) get(GlobalKey.AGENT_ID); }

    /** {@code warden.agent.role}, or {@code null}. */
    public String agentRole() { return (String) get(GlobalKey.AGENT_ROLE); }

    /** {@code warden.agent.trust}, default {@link Trust#FULL}. */
    public Trust trust() { return (Trust) get(GlobalKey.AGENT_TRUST); }

    /** {@code warden.sandbox.allow}, empty by default. */
    @SuppressWarnings("unchecked")
    public List<String> sandboxAllow() { return (List<String>) get(GlobalKey.SANDBOX_ALLOW); }

    /** {@code warden.mode}, default {@link Mode#ENFORCE}. */
    public Mode mode() { return (Mode) get(GlobalKey.MODE); }

    /**
     * {@code warden.mode.<family>} for {@code file}, {@code http}, {@code sql}, {@code mail},
     * {@code net}, {@code process}; {@link #mode()} when unset, and for any other family ({@code jvm}).
     */
    public Mode mode(String family) {
        GlobalKey key = GlobalKey.modeOf(family);
        Object v = key == null ? null : get(key);
        return v != null ? (Mode) v : mode();
    }

    /** {@code warden.default = allow}; default deny. */
    public boolean defaultAllow() { return (Boolean) get(GlobalKey.DEFAULT); }

    /** {@code warden.default.reason}, default {@code no rule allows this}. */
    public String defaultReason() { return (String) get(GlobalKey.DEFAULT_REASON); }

    /** {@code warden.net.default = allow}; default {@link #defaultAllow()}. */
    public boolean netDefaultAllow() {
        Object v = get(GlobalKey.NET_DEFAULT);
        return v != null ? (Boolean) v : defaultAllow();
    }

    /** {@code warden.audit.dir}, absolute; default {@code ./warden-audit} against {@code user.dir}. */
    public Path auditDir() { return (Path) get(GlobalKey.AUDIT_DIR); }

    /** {@code warden.audit.level}, default {@link AuditLevel#ALL}. */
    public AuditLevel auditLevel() { return (AuditLevel) get(GlobalKey.AUDIT_LEVEL); }

    /** {@code warden.audit.caller}, default {@link AuditCaller#DENIALS}. */
    public AuditCaller auditCaller() { return (AuditCaller) get(GlobalKey.AUDIT_CALLER); }

    /** {@code warden.audit.mail-subject}, default false. */
    public boolean auditMailSubject() { return (Boolean) get(GlobalKey.AUDIT_MAIL_SUBJECT); }

    /** {@code warden.audit.retain}, default 30 days. */
    public Duration auditRetain() { return (Duration) get(GlobalKey.AUDIT_RETAIN); }

    /** {@code warden.session.ttl}, or {@code null}. */
    public Duration sessionTtl() { return (Duration) get(GlobalKey.SESSION_TTL); }

    /** {@code warden.reload}, default true. */
    public boolean reload() { return (Boolean) get(GlobalKey.RELOAD); }

    /** {@code warden.killswitch.file}, absolute, or {@code null}. */
    public Path killswitchFile() { return (Path) get(GlobalKey.KILLSWITCH_FILE); }

    /** {@code warden.failure}, default {@link Failure#CLOSED}. */
    public Failure failure() { return (Failure) get(GlobalKey.FAILURE); }

    /** {@code warden.builtin.jvm}, default true. */
    public boolean builtinJvm() { return (Boolean) get(GlobalKey.BUILTIN_JVM); }

    /** {@code warden.propagate}, default false. */
    public boolean propagate() { return (Boolean) get(GlobalKey.PROPAGATE); }

    /** {@code warden.approval.timeout}, default 5 minutes. */
    public Duration approvalTimeout() { return (Duration) get(GlobalKey.APPROVAL_TIMEOUT); }

    /** {@code warden.approval.webhook}, or {@code null}. */
    public String approvalWebhook() { return (String) get(GlobalKey.APPROVAL_WEBHOOK); }

    /** {@code warden.breaker.errors}, or {@code null}. */
    public Limit breakerErrors() { return (Limit) get(GlobalKey.BREAKER_ERRORS); }

    /** {@code warden.breaker.cooldown}, default 5 minutes. */
    public Duration breakerCooldown() { return (Duration) get(GlobalKey.BREAKER_COOLDOWN); }

    /** {@code warden.metrics.port}, or {@code null} (no endpoint). */
    public Integer metricsPort() { return (Integer) get(GlobalKey.METRICS_PORT); }

    /** {@code warden.metrics.bind}, default {@code 127.0.0.1}. */
    public String metricsBind() { return (String) get(GlobalKey.METRICS_BIND); }
}
