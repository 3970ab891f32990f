package dev.warden.agent.governor;

import dev.warden.policy.Policy;
import dev.warden.policy.PolicyError;
import dev.warden.policy.PolicyException;
import dev.warden.policy.PolicyLoader;
import dev.warden.policy.Overrides;
import dev.warden.policy.Settings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload (policy.md's {@code warden.reload}): compiles the changed file into a new snapshot and
 * swaps it in with one volatile write, so a call sees the old policy or the new one, never half of
 * each. A file that does not compile keeps the policy in force; the refusal is logged and recorded
 * with every line at fault. Rate limiters of unchanged rules carry over ({@link PolicyLoader#reload}).
 *
 * <p>Who the agent is ({@code warden.agent.id}, {@code warden.agent.role}) is fixed for the
 * process: records and propagated baggage name it, so an edit that changes it is refused. The keys
 * that take effect only at a restart (the audit directory, the metrics endpoint) keep the values in
 * force, with a warning ({@link Policy#restartPending()}); every other key takes effect with the
 * reload ({@link WardenGovernor#install}).
 */
final class PolicyReloads {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyReloads.class);

    private final Path file;
    private final Overrides overrides;
    private final WardenGovernor governor;

    PolicyReloads(Path file, Overrides overrides, WardenGovernor governor) {
        this.file = file;
        this.overrides = overrides;
        this.governor = governor;
    }

    /** Runs on the watcher thread after the file changed. */
    void reload() {
        Policy old = governor.policy();
        Policy next;
        try {
            next = old == null ? PolicyLoader.load(file, overrides) : PolicyLoader.reload(file, overrides, old);
        } catch (PolicyException e) {
            refuse(old, e.errors().stream().map(PolicyReloads::atLine).collect(Collectors.joining("; ")));
            return;
        } catch (RuntimeException e) {
            refuse(old, "internal error: " + e);
            return;
        }
        if (old != null && next.version().equals(old.version())) {
            return; // touched or reformatted: the same effective policy
        }
        if (old != null) {
            String identity = identityChange(old.settings(), next.settings());
            if (identity != null) {
                refuse(old, identity);
                return;
            }
            for (String key : next.restartPending()) {
                LOG.warn("{}: {} needs a restart to take effect", file, key);
            }
        }
        governor.install(next);
        String replaced = old == null ? "none" : old.version();
        LOG.info("{}: policy version {} in force (replaces {})", file, next.version(), replaced);
        governor.recorder().reload(file.toString(), true, "policy version " + next.version() + " replaces " + replaced, null);
    }

    private void refuse(Policy kept, String why) {
        String version = kept == null ? "none" : kept.version();
        LOG.error("{}: the changed policy is invalid; version {} stays in force: {}", file, version, why);
        governor.recorder().reload(file.toString(), false, "invalid policy, version " + version + " kept: " + why, null);
    }

    /** {@code line 9: unknown rule field …}, the file being the record's target. */
    private static String atLine(PolicyError e) {
        return e.line() > 0 ? "line " + e.line() + ": " + e.message() : e.message();
    }

    private static String identityChange(Settings old, Settings next) {
        if (!Objects.equals(old.agentId(), next.agentId())) {
            return "warden.agent.id cannot change while the agent runs (" + old.agentId() + " → " + next.agentId()
                    + "); restart it";
        }
        if (!Objects.equals(old.agentRole(), next.agentRole())) {
            return "warden.agent.role cannot change while the agent runs (" + old.agentRole() + " → "
                    + next.agentRole() + "); restart it";
        }
        return null;
    }
}
