package dev.warden.agent.governor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.agent.audit.AuditRecord;
import dev.warden.agent.audit.AuditSink;
import dev.warden.policy.Overrides;
import dev.warden.policy.Policy;
import dev.warden.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reload swaps in, refuses and records. */
class PolicyReloadsTest {

    @TempDir
    Path dir;

    private final List<AuditRecord> records = new ArrayList<>();

    private final AuditSink sink = new AuditSink() {
        @Override
        public boolean append(AuditRecord record) {
            records.add(record.copy());
            return true;
        }

        @Override
        public void close() {
        }
    };

    /** The policy file, as {@link #started} writes it. */
    private Path f;
    private WardenGovernor governor;

    /** A minimal policy file, a governor started with it that records into {@code into}, and its reloads. */
    private PolicyReloads started(AuditSink into) throws Exception {
        f = Files.writeString(dir.resolve("warden.properties"), "warden.agent.id = bot\nwarden.audit.dir = " + dir + "\n");
        governor = new WardenGovernor(PolicyLoader.load(f, Overrides.none()), null, new Identity("bot", null), into, dir);
        return new PolicyReloads(f, Overrides.none(), governor);
    }

    @Test
    void aValidEditIsSwappedInAndRecordedAnUnchangedOneIsNoReload() throws Exception {
        PolicyReloads reloads = started(sink);
        Policy first = governor.policy();

        Files.writeString(f, "# a comment changes nothing\n" + Files.readString(f));
        reloads.reload();
        assertSame(first, governor.policy());
        assertEquals(0, records.size());

        Files.writeString(f, Files.readString(f) + "warden.default = allow\n");
        reloads.reload();
        Policy second = governor.policy();
        assertNotSame(first, second);
        assertEquals(1, records.size());
        AuditRecord r = records.get(0);
        assertEquals("policy.reload", r.action);
        assertEquals("allow", r.decision);
        assertEquals(second.version(), r.policy, "recorded under the new version");
        assertEquals("policy version " + second.version() + " replaces " + first.version(), r.reason);
    }

    @Test
    void anEditThatChangesWhoTheAgentIsIsRefused() throws Exception {
        PolicyReloads reloads = started(sink);
        Policy first = governor.policy();

        Files.writeString(f, Files.readString(f).replace("= bot", "= other-bot"));
        reloads.reload();
        assertSame(first, governor.policy());
        AuditRecord r = records.get(0);
        assertEquals("error", r.decision);
        assertEquals(first.version(), r.policy, "recorded under the version kept");
        assertTrue(r.reason.startsWith("invalid policy, version " + first.version() + " kept: warden.agent.id cannot change"),
                r.reason);

        Files.writeString(f, "warden.agent.id = bot\nwarden.rule.x.actions = file.reed\n");
        reloads.reload();
        assertSame(first, governor.policy());
        assertTrue(records.get(1).reason.contains("line 2: "), records.get(1).reason);
    }

    @Test
    void sessionBreakerKillSwitchPropagateRetentionAndFailureFollowAReload() throws Exception {
        List<java.time.Duration> retained = new ArrayList<>();
        AuditSink retaining = new AuditSink() {
            @Override
            public boolean append(AuditRecord record) {
                return true;
            }

            @Override
            public void retain(java.time.Duration retain) {
                retained.add(retain);
            }

            @Override
            public void close() {
            }
        };
        Path kill = Files.createFile(dir.resolve("stop"));
        PolicyReloads reloads = started(retaining);
        long now = System.nanoTime();
        assertNull(governor.controls().sessions.refusal(null, now + 3_600_000_000_000L), "no ttl");
        assertEquals("off", governor.recorder().breaker().state(now));
        assertFalse(governor.killSwitch().engaged());
        assertFalse(dev.warden.bootstrap.Gate.propagating());
        assertTrue(governor.failClosed());

        Files.writeString(f, Files.readString(f) + String.join("\n", "warden.session.ttl = 1h", "warden.breaker.errors = 5/1m",
                "warden.killswitch.file = " + kill, "warden.propagate = true", "warden.audit.retain = 2d", "warden.failure = open", ""));
        reloads.reload();
        assertEquals("session expired", governor.controls().sessions.refusal(null, now + 3_601_000_000_000L),
                "the process session, started before the reload, is measured from its start");
        assertNull(governor.controls().sessions.refusal(null, System.nanoTime()));
        assertEquals("closed", governor.recorder().breaker().state(System.nanoTime()));
        assertTrue(governor.killSwitch().engaged(), "the new kill-switch file exists: engaged at once");
        assertTrue(dev.warden.bootstrap.Gate.propagating());
        assertEquals(java.time.Duration.ofDays(2), retained.get(retained.size() - 1));
        assertFalse(governor.failClosed());

        Files.writeString(f, "warden.agent.id = bot\nwarden.audit.dir = " + dir + "\n");
        reloads.reload();
        assertNull(governor.controls().sessions.refusal(null, now + 3_601_000_000_000L), "the ttl removed: no session expires");
        assertEquals("off", governor.recorder().breaker().state(System.nanoTime()));
        assertFalse(governor.killSwitch().engaged(), "no kill-switch file any more: released");
        assertFalse(dev.warden.bootstrap.Gate.propagating());
        assertEquals(java.time.Duration.ofDays(30), retained.get(retained.size() - 1), "policy.md's default");
        assertTrue(governor.failClosed());
    }

    @Test
    void restartOnlyKeysKeepTheirValueInForce() throws Exception {
        PolicyReloads reloads = started(sink);
        Policy first = governor.policy();

        Path elsewhere = dir.resolve("elsewhere");
        Files.writeString(f, "warden.agent.id = bot\nwarden.audit.dir = " + elsewhere + "\nwarden.metrics.port = 9464\n");
        reloads.reload();
        Policy second = governor.policy();
        assertNotSame(first, second, "the file changed: a new version");
        assertEquals(dir, second.settings().auditDir(), "the trail stays where it is");
        assertNull(second.settings().metricsPort());
        assertEquals(List.of("warden.audit.dir = " + elsewhere + " (in force: " + dir + ")",
                "warden.metrics.port = 9464 (in force: none)"), second.restartPending());
        // warden-self still protects the trail in use, not the directory the file names.
        dev.warden.policy.Verdict v = second.decidePath(dev.warden.policy.Action.FILE_DELETE, dir.resolve("x.cq4").toString(),
                dir.resolve("x.cq4").toString(), dev.warden.policy.PerformedActions.NONE);
        assertEquals("warden-self", v.rule());
    }
}
