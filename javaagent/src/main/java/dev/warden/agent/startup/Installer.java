package dev.warden.agent.startup;

import dev.warden.agent.audit.AuditSink;
import dev.warden.agent.audit.ChronicleAuditTrail;
import dev.warden.agent.audit.LogAuditSink;
import dev.warden.agent.governor.Identity;
import dev.warden.agent.governor.WardenGovernor;
import dev.warden.agent.governor.WardenThreads;
import dev.warden.bootstrap.Gate;
import dev.warden.policy.Overrides;
import dev.warden.policy.Policy;
import dev.warden.policy.PolicyError;
import dev.warden.policy.PolicyException;
import dev.warden.policy.PolicyLoader;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the policy, opens the audit trail, installs the governor in the {@link Gate} and then the
 * instrumentation. Runs after the bootstrap API is defined, so it may link against it.
 */
final class Installer {

    private static final Logger LOG = LoggerFactory.getLogger(Installer.class);

    private Installer() {}

    static void install(Instrumentation inst, Class<?> gate, Path config, Path agentJar, boolean attached) {
        // Everything start-up does, and every thread it starts (the trail's opener, Chronicle's
        // own), is Warden's: none of it is governed.
        WardenThreads.runAsWarden(() -> installAsWarden(inst, gate, config, agentJar, attached));
    }

    private static void installAsWarden(Instrumentation inst, Class<?> gate, Path config, Path agentJar, boolean attached) {
        Policy policy = null;
        String policyError = null;
        // Read once: a reload applies the start-up overrides again, never new ones (policy.md).
        Overrides overrides = Overrides.fromEnvironment();
        try {
            policy = PolicyLoader.load(config, overrides);
        } catch (PolicyException e) {
            String problems = e.errors().stream().map(PolicyError::toString).collect(Collectors.joining("\n  "));
            if (!StartupFailure.failOpen(config)) {
                throw new StartupFailure.Stop("invalid policy:\n  " + problems);
            }
            policyError = "invalid policy " + problems.replace("\n  ", "; ");
            LOG.error("Warden runs without a policy, allowing and recording every call (warden.failure = open): {}", policyError);
        }
        StartupTimer.phase("policy loaded");
        boolean failClosed = policy == null ? false : policy.settings().failure() == dev.warden.policy.Failure.CLOSED;
        Path auditDir = policy == null ? Path.of("warden-audit").toAbsolutePath() : policy.settings().auditDir();
        AuditSink audit = openAudit(auditDir, policy == null ? null : policy.settings().auditRetain(), failClosed);
        StartupTimer.phase("audit trail started");
        Identity identity = new Identity(policy == null ? "unknown" : policy.settings().agentId(),
                policy == null ? null : policy.settings().agentRole());
        WardenGovernor governor = new WardenGovernor(policy, policyError, identity, audit, auditDir);
        Runtime.getRuntime().addShutdownHook(WardenThreads.newThread("warden-shutdown", governor::shutdown));
        governor.start();
        governor.watchPolicy(config, overrides);
        governor.listenForControl(auditDir, audit instanceof ChronicleAuditTrail ? ((ChronicleAuditTrail) audit)::isOpen : () -> true);
        // Advice goes live before the governor is installed: until then the Gate lets calls
        // through, so Byte Buddy's own reads on this thread are never mistaken for the application's.
        StartupTimer.phase("governor started");
        Instrumenter.install(inst, gate, agentJar, attached);
        Gate.install(governor);
        if (policy != null) {
            for (String warning : policy.notInForce()) {
                LOG.warn("{}: {}", config, warning);
            }
        }
    }

    private static AuditSink openAudit(Path dir, java.time.Duration retain, boolean failClosed) {
        try {
            return ChronicleAuditTrail.open(dir, WardenThreads.FACTORY, retain);
        } catch (IOException | RuntimeException e) {
            if (failClosed) {
                throw new StartupFailure.Stop("cannot write the audit trail in " + dir + ": " + e.getMessage());
            }
            LOG.error("Warden cannot write its audit trail in {}; records go to this log instead (warden.failure = open)", dir, e);
            return new LogAuditSink();
        }
    }
}
