package dev.warden.policy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The global keys of policy.md's table: each key's name, how its value is parsed, and its default.
 * A table rather than code per key, so adding a key is one line and every key is validated alike.
 */
enum GlobalKey {
    AGENT_ID("warden.agent.id", Parsers.TEXT, null, InForce.FIXED),
    AGENT_ROLE("warden.agent.role", Parsers.TEXT, null, InForce.FIXED),
    AGENT_TRUST("warden.agent.trust", Parsers.enumOf(Trust.class), Trust.FULL),
    SANDBOX_ALLOW("warden.sandbox.allow", Parsers.LIST, List.of()),
    MODE("warden.mode", Parsers.enumOf(Mode.class), Mode.ENFORCE),
    MODE_FILE("warden.mode.file", Parsers.enumOf(Mode.class), null),
    MODE_HTTP("warden.mode.http", Parsers.enumOf(Mode.class), null),
    MODE_SQL("warden.mode.sql", Parsers.enumOf(Mode.class), null),
    MODE_MAIL("warden.mode.mail", Parsers.enumOf(Mode.class), null),
    MODE_NET("warden.mode.net", Parsers.enumOf(Mode.class), null),
    MODE_PROCESS("warden.mode.process", Parsers.enumOf(Mode.class), null),
    DEFAULT("warden.default", Parsers.ALLOW_DENY, Boolean.FALSE),
    DEFAULT_REASON("warden.default.reason", Parsers.TEXT, "no rule allows this"),
    NET_DEFAULT("warden.net.default", Parsers.ALLOW_DENY, null),
    AUDIT_DIR("warden.audit.dir", Parsers.PATH, null, InForce.RESTART),
    AUDIT_LEVEL("warden.audit.level", Parsers.enumOf(AuditLevel.class), AuditLevel.ALL),
    AUDIT_CALLER("warden.audit.caller", Parsers.enumOf(AuditCaller.class), AuditCaller.DENIALS),
    AUDIT_MAIL_SUBJECT("warden.audit.mail-subject", Parsers.BOOLEAN, Boolean.FALSE),
    AUDIT_RETAIN("warden.audit.retain", Parsers.DURATION, Duration.ofDays(30)),
    SESSION_TTL("warden.session.ttl", Parsers.DURATION, null),
    RELOAD("warden.reload", Parsers.BOOLEAN, Boolean.TRUE),
    KILLSWITCH_FILE("warden.killswitch.file", Parsers.PATH, null),
    FAILURE("warden.failure", Parsers.enumOf(Failure.class), Failure.CLOSED),
    BUILTIN_JVM("warden.builtin.jvm", Parsers.BOOLEAN, Boolean.TRUE),
    PROPAGATE("warden.propagate", Parsers.BOOLEAN, Boolean.FALSE),
    APPROVAL_TIMEOUT("warden.approval.timeout", Parsers.DURATION, Duration.ofMinutes(5)),
    APPROVAL_WEBHOOK("warden.approval.webhook", Parsers.URL, null),
    BREAKER_ERRORS("warden.breaker.errors", Parsers.LIMIT, null),
    BREAKER_COOLDOWN("warden.breaker.cooldown", Parsers.DURATION, Duration.ofMinutes(5)),
    METRICS_PORT("warden.metrics.port", Parsers.PORT, null, InForce.RESTART),
    METRICS_BIND("warden.metrics.bind", Parsers.TEXT, "127.0.0.1", InForce.RESTART);

    /** When a changed value takes effect in a running agent (the README's "Hot reload" lists them). */
    enum InForce {
        /** With the reload that brings it: for the calls decided from then on. */
        RELOAD,
        /** At the next start: a reload keeps the start-up value, with a warning ({@link Settings#pinned}). */
        RESTART,
        /** Never while the agent runs: who the agent is; a reload that changes it is refused. */
        FIXED
    }

    /** Parses one value; relative paths resolve against {@code baseDir}. Throws {@link IllegalArgumentException}. */
    interface Parser {
        Object parse(String value, Path baseDir);
    }

    private static final Map<String, GlobalKey> BY_KEY = new HashMap<>();

    static {
        for (GlobalKey k : values()) {
            BY_KEY.put(k.key, k);
        }
    }

    final String key;
    final Parser parser;
    final Object defaultValue;
    final InForce inForce;

    GlobalKey(String key, Parser parser, Object defaultValue) {
        this(key, parser, defaultValue, InForce.RELOAD);
    }

    GlobalKey(String key, Parser parser, Object defaultValue, InForce inForce) {
        this.key = key;
        this.parser = parser;
        this.defaultValue = defaultValue;
        this.inForce = inForce;
    }

    /** {@code warden.mode.<family>}, found without building a string; {@code null} for other families. */
    static GlobalKey modeOf(String family) {
        switch (family) {
            case "file": return MODE_FILE;
            case "http": return MODE_HTTP;
            case "sql": return MODE_SQL;
            case "mail": return MODE_MAIL;
            case "net": return MODE_NET;
            case "process": return MODE_PROCESS;
            default: return null;
        }
    }

    /** The key named {@code key}, or {@code null} if it is not a global key. */
    static GlobalKey of(String key) {
        return BY_KEY.get(key);
    }

    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (GlobalKey k : values()) {
            names.add(k.key);
        }
        return names;
    }

    /** The value parsers the table above refers to. */
    private static final class Parsers {
        static final Parser TEXT = (v, base) -> v;
        static final Parser LIST = (v, base) -> CommaList.split(v);
        static final Parser BOOLEAN = (v, base) -> {
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
            }
            throw new IllegalArgumentException("'" + v + "' is not one of true, false");
        };
        /** {@code allow} → {@code true}. */
        static final Parser ALLOW_DENY = (v, base) -> {
            if (v.equalsIgnoreCase("allow") || v.equalsIgnoreCase("deny")) {
                return v.equalsIgnoreCase("allow");
            }
            throw new IllegalArgumentException("'" + v + "' is not one of allow, deny");
        };
        static final Parser DURATION = (v, base) -> Durations.parse(v);
        static final Parser LIMIT = (v, base) -> Limit.parse(v);
        static final Parser PATH = (v, base) -> base.resolve(v).normalize();
        static final Parser PORT = (v, base) -> {
            try {
                int p = Integer.parseInt(v);
                if (p >= 1 && p <= 65535) {
                    return p;
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new IllegalArgumentException("'" + v + "' is not a port (1 to 65535)");
        };
        static final Parser URL = (v, base) -> {
            try {
                URI u = new URI(v);
                if (("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                        && u.getHost() != null) {
                    return v;
                }
            } catch (java.net.URISyntaxException e) {
                // fall through to the message below
            }
            throw new IllegalArgumentException("'" + v + "' is not an http:// or https:// URL");
        };

        static <E extends Enum<E>> Parser enumOf(Class<E> type) {
            return (v, base) -> PolicyValues.parse(type, v);
        }
    }
}
