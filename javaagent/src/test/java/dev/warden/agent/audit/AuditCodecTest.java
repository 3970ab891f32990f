package dev.warden.agent.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

class AuditCodecTest {

    /** Writes the record's session header, then the record, and reads both back. */
    private static AuditRecord roundTrip(AuditRecord in) throws IOException {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap(256);
        in.sessionKey = 42;
        AuditCodec.writeSession(new SessionHeader(42, in.agent, in.role, in.session, in.policy), bytes);
        AuditCodec.write(in, bytes);
        AuditRecord out = new AuditRecord();
        TrailDictionary sessions = new TrailDictionary();
        assertFalse(AuditCodec.read(bytes, out, sessions), "a session header is no call record");
        out.addTarget("left over");  // decoding must start from a clean record
        assertTrue(AuditCodec.read(bytes, out, sessions));
        assertEquals(0, bytes.readRemaining(), "every byte written is read back");
        assertEquals(42, out.sessionKey);
        return out;
    }

    @Test
    void aRecordWhoseHeaderIsMissingKeepsItsOwnFieldsEmpty() throws IOException {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap(256);
        AuditRecord in = Records.allow(1, "/a");
        in.sessionKey = 7;
        AuditCodec.write(in, bytes);
        AuditRecord out = new AuditRecord();
        assertTrue(AuditCodec.read(bytes, out, new TrailDictionary()));
        assertNull(out.agent);
        assertEquals("/a", out.targets[0]);
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() throws IOException {
        AuditRecord in = Records.full();
        AuditRecord out = roundTrip(in);
        assertEquals(in.timeEpochNanos, out.timeEpochNanos);
        assertEquals(in.agent, out.agent);
        assertEquals(in.role, out.role);
        assertEquals(in.session, out.session);
        assertEquals(in.thread, out.thread);
        assertEquals(in.action, out.action);
        assertEquals(3, out.targetCount);
        assertArrayEquals(Arrays.copyOf(in.targets, 3), Arrays.copyOf(out.targets, out.targetCount));
        assertEquals(1, out.deniedCount);
        assertEquals("x@evil.test", out.denied[0]);
        assertEquals(in.decision, out.decision);
        assertEquals(in.rule, out.rule);
        assertEquals(in.policy, out.policy);
        assertEquals(in.reason, out.reason);
        assertArrayEquals(in.monitor, out.monitor);
        assertEquals(in.detail.toString(), out.detail.toString());
        assertEquals(in.outcome, out.outcome);
        assertEquals(in.error, out.error);
        assertEquals(in.durationNs, out.durationNs);
        assertEquals(in.caller, out.caller);
    }

    @Test
    void absentFieldsStayAbsent() throws IOException {
        AuditRecord in = new AuditRecord();
        in.timeEpochNanos = -5; // before 1970: stop-bit encodes negatives too
        AuditRecord out = roundTrip(in);
        assertEquals(-5, out.timeEpochNanos);
        assertNull(out.agent);
        assertNull(out.decision);
        assertNull(out.caller);
        assertNull(out.monitor, "no monitor rules is not the same as an empty list");
        assertEquals(0, out.targetCount);
        assertEquals(0, out.deniedCount);
        assertEquals(0, out.detail.length());
        assertEquals(-1, out.durationNs);
    }

    @Test
    void anEmptyMonitorListIsKept() throws IOException {
        AuditRecord in = Records.allow(1, "/a");
        in.monitor = new String[0];
        assertArrayEquals(new String[0], roundTrip(in).monitor);
    }

    @Test
    void anUnknownFormatVersionIsRefused() {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap(16);
        bytes.writeByte((byte) 99);
        IOException e = assertThrows(IOException.class, () -> AuditCodec.read(bytes, new AuditRecord(), new TrailDictionary()));
        assertEquals("audit record format 99 is not readable by this version of Warden (it reads formats 3 and 6)", e.getMessage());
    }

    @Test
    void aNamedSessionAndAnApprovalIdSurviveTheRoundTrip() throws IOException {
        AuditRecord in = Records.allow(1, "/a");
        in.session = "process-session";
        in.namedSession = "conversation-7";
        in.approval = "a1b2c3d4e5f6";
        in.decision = "pending";
        AuditRecord out = roundTrip(in);
        assertEquals("conversation-7", out.session, "the named session overrides the header's");
        assertEquals("a1b2c3d4e5f6", out.approval);
        assertEquals("pending", out.decision);
    }

    /** A trail written before format 6 is still read: the same record without the two last fields. */
    @Test
    void formatThreeIsStillRead() throws IOException {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap(256);
        AuditRecord in = Records.allow(1, "/a");
        AuditCodec.write(in, bytes);
        bytes.writeSkip(-1); // drop the byte format 6 added (it says neither optional field follows)
        bytes.writeByte(0, AuditCodec.UNCHAINED_RECORD);
        AuditRecord out = new AuditRecord();
        assertTrue(AuditCodec.read(bytes, out, new TrailDictionary()));
        assertEquals(0, bytes.readRemaining());
        assertEquals("/a", out.targets[0]);
        assertNull(out.approval);
    }

    /** Pre-encoded strings are written in writeUtf8's own layout, so any reader reads them alike. */
    @Test
    void preEncodedStringsReadBackLikeEncodedOnes() throws IOException {
        AuditRecord in = Records.full();
        in.targetsUtf8[2] = in.targets[2].getBytes(java.nio.charset.StandardCharsets.UTF_8);
        in.threadUtf8 = in.thread.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        in.detailUtf8 = in.detail.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        AuditRecord out = roundTrip(in);
        assertEquals("ünïcødé@example.com", out.targets[2]);
        assertEquals(in.thread, out.thread);
        assertEquals(in.detail.toString(), out.detail.toString());
    }
}
