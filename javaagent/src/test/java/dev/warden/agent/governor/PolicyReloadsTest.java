package dev.warden.agent.governor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
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

    @Test
    void aValidEditIsSwappedInAndRecordedAnUnchangedOneIsNoReload() throws Exception {
        Path f = Files.writeString(dir.resolve("warden.properties"), "warden.agent.id = bot\nwarden.audit.dir = " + dir + "\n");
        Policy first = PolicyLoader.load(f, Overrides.none());
        WardenGovernor governor = new WardenGovernor(first, null, new Identity("bot", null), sink, true, null);
        PolicyReloads reloads = new PolicyReloads(f, Overrides.none(), governor);

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
        Path f = Files.writeString(dir.resolve("warden.properties"), "warden.agent.id = bot\nwarden.audit.dir = " + dir + "\n");
        Policy first = PolicyLoader.load(f, Overrides.none());
        WardenGovernor governor = new WardenGovernor(first, null, new Identity("bot", null), sink, true, null);
        PolicyReloads reloads = new PolicyReloads(f, Overrides.none(), governor);

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
}
