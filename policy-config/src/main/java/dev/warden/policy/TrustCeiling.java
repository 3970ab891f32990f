package dev.warden.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code warden.agent.trust}: a ceiling over whatever the rules allow (step 5 of "How a decision is
 * made"). It only turns allows into denials, named {@code trust} with the reason
 * {@code trust <level>}; the built-in {@code jvm} rule is exempt.
 *
 * <ul>
 *   <li>{@code read-only} refuses every write: {@code file.write}, {@code file.delete}, every SQL
 *       verb but {@code SELECT} ({@code sql.connect} is no verb), {@code mail.send}, every HTTP
 *       method but {@code GET} and {@code HEAD}, {@code process.exec}, and {@code net.connect}
 *       (the agent lets a connect that is part of an allowed call through: {@link Verdict#byCeiling}).
 *   <li>{@code limited-write} allows those writes only through allow rules that carry a {@code limit}.
 *   <li>{@code sandbox}: files only under {@code ${java.io.tmpdir}} (read, write and delete: it is
 *       the agent's scratch space), HTTP requests (any method) and connects only to the targets of
 *       {@code warden.sandbox.allow} (URLs, {@code host:port} addresses, JDBC URLs for
 *       {@code sql.connect}), otherwise as {@code read-only}.
 * </ul>
 * Decided per (action, target, deciding rule), all static, so the verdict cache holds its answer.
 */
final class TrustCeiling {

    static final String RULE = "trust";

    private final Trust trust;
    private final String reason;
    private final TargetMatcher scratch;
    private final TargetMatcher[] urls;
    private final TargetMatcher[] hosts;
    private final TargetMatcher[] jdbcUrls;

    private TrustCeiling(Trust trust, TargetMatcher scratch, List<TargetMatcher> urls, List<TargetMatcher> hosts,
            List<TargetMatcher> jdbcUrls) {
        this.trust = trust;
        this.reason = "trust " + PolicyValues.nameOf(trust);
        this.scratch = scratch;
        this.urls = urls.toArray(new TargetMatcher[0]);
        this.hosts = hosts.toArray(new TargetMatcher[0]);
        this.jdbcUrls = jdbcUrls.toArray(new TargetMatcher[0]);
    }

    static final TrustCeiling FULL = new TrustCeiling(Trust.FULL, null, List.of(), List.of(), List.of());

    /**
     * {@code allow}: the entries of {@code warden.sandbox.allow}, each compiled by its form
     * ({@code jdbc:…}, {@code scheme://…}, else {@code host:port}).
     *
     * @throws IllegalArgumentException naming the entry that does not compile
     */
    static TrustCeiling of(Trust trust, List<String> allow, String tmpdir, Path baseDir) {
        List<TargetMatcher> urls = new ArrayList<>();
        List<TargetMatcher> hosts = new ArrayList<>();
        List<TargetMatcher> jdbc = new ArrayList<>();
        for (String entry : allow) {
            try {
                if (entry.startsWith("jdbc:")) {
                    jdbc.add(TargetSyntax.JDBC_URL.compile(entry, baseDir));
                } else if (entry.contains("://")) {
                    urls.add(TargetSyntax.URL.compile(entry, baseDir));
                } else {
                    hosts.add(TargetSyntax.HOST_PORT.compile(entry, baseDir));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + entry + "': " + e.getMessage()
                        + " (entries are URLs, host:port addresses or JDBC URLs)");
            }
        }
        if (trust == Trust.FULL) {
            return FULL; // the entries are validated all the same: promoting to sandbox must not fail on them
        }
        TargetMatcher scratch = trust == Trust.SANDBOX ? PathPattern.compile(tmpdir + "/**", baseDir) : null;
        return new TrustCeiling(trust, scratch, urls, hosts, jdbc);
    }

    /** The reason the ceiling refuses {@code action} on {@code target} when {@code decider} allows it, or {@code null}. */
    String refuses(Action action, String target, Rule decider) {
        switch (trust) {
            case FULL:
                return null;
            case LIMITED_WRITE:
                return writes(action) && (decider == null || decider.limiter() == null) ? reason : null;
            case READ_ONLY:
                return writes(action) ? reason : null;
            default:
                return sandboxAllows(action, target) ? null : reason;
        }
    }

    private boolean sandboxAllows(Action action, String target) {
        switch (action.family()) {
            case "file":
                return scratch.matches(target);
            case "http":
                return Rule.any(urls, target);
            case "net":
                return Rule.any(hosts, target);
            default:
                if (action == Action.SQL_CONNECT) {
                    return Rule.any(jdbcUrls, target);
                }
                return !writes(action);
        }
    }

    /** What read-only refuses. */
    static boolean writes(Action action) {
        switch (action.family()) {
            case "file":
                return action != Action.FILE_READ;
            case "http":
                return !action.name().equals("http.GET") && !action.name().equals("http.HEAD");
            case "sql":
                return action != Action.SQL_CONNECT && !action.name().equals("sql.SELECT");
            case "jvm":
                return false;
            default:
                return true; // mail.send, process.exec, net.connect
        }
    }
}
