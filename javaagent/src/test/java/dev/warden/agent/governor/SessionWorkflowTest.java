package dev.warden.agent.governor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.bootstrap.FileOp;
import dev.warden.bootstrap.Gate;
import dev.warden.bootstrap.Governor;
import dev.warden.policy.Overrides;
import dev.warden.policy.PolicyLoader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workflow rules ({@code after}) remember what each session did: a session named with
 * {@code WardenSession} and the process session each have their own memory, so one conversation
 * reading the secret does not close the door for another. Driven through the governor as advice
 * calls it.
 */
class SessionWorkflowTest {

    @TempDir
    Path temp;

    private final RecordingSink sink = new RecordingSink();
    private WardenGovernor governor;
    private Path secret;
    private Path out;

    @BeforeEach
    void governor() throws Exception {
        secret = Files.writeString(Files.createDirectories(temp.resolve("secret")).resolve("key.txt"), "k");
        out = Files.createDirectories(temp.resolve("out"));
        Path file = temp.resolve("warden.properties");
        Files.write(file, List.of(
                "warden.agent.id = bot",
                "warden.audit.dir = " + temp.resolve("audit"),
                "warden.default = allow",
                "warden.rule.no-out-after-secret.actions = file.write",
                "warden.rule.no-out-after-secret.targets = " + out + "/**",
                "warden.rule.no-out-after-secret.effect = deny",
                "warden.rule.no-out-after-secret.reason = the secret stays in",
                "warden.rule.no-out-after-secret.after = file.read:" + secret.getParent() + "/**"));
        governor = new WardenGovernor(PolicyLoader.load(file, Overrides.none()), null, new Identity("bot", null), sink,
                temp.resolve("audit"));
    }

    @AfterEach
    void leaveSessions() {
        WardenThreads.STATE.get().session = null;
    }

    @Test
    void eachSessionHasItsOwnMemoryAndTheProcessSessionToo() throws Exception {
        Object outside = governor.enterSession("conv-a");
        read(secret);
        assertDenied(out.resolve("a.txt"));
        governor.exitSession(outside);

        outside = governor.enterSession("conv-b");
        write(out.resolve("b.txt")); // conv-b never read the secret
        governor.exitSession(outside);

        write(out.resolve("process.txt")); // nor did the process session
        read(secret);
        assertDenied(out.resolve("process-2.txt"));

        outside = governor.enterSession("conv-b");
        write(out.resolve("b-2.txt")); // the process session's read is not conv-b's
        governor.exitSession(outside);

        outside = governor.enterSession("conv-a");
        assertDenied(out.resolve("a-2.txt")); // reopening a session continues what it did
        governor.exitSession(outside);
    }

    @Test
    void aSessionNestedInAnotherRemembersForItselfOnly() throws Exception {
        Object outside = governor.enterSession("outer");
        Object inOuter = governor.enterSession("inner");
        read(secret);
        assertDenied(out.resolve("inner.txt"));
        governor.exitSession(inOuter);
        write(out.resolve("outer.txt"));
        governor.exitSession(outside);
    }

    @Test
    void aSessionThatMeetsNoConditionKeepsNoMemory() throws Exception {
        Object outside = governor.enterSession("quiet");
        write(out.resolve("q.txt"));
        Session quiet = WardenThreads.STATE.get().session;
        governor.exitSession(outside);
        assertTrue(quiet.performed() == dev.warden.policy.PerformedActions.NONE, "nothing allocated for it");
    }

    private void read(Path p) throws Exception {
        long token = governor.enterFile(FileOp.OPEN_READ, p.toString(), null, null, Gate.API_NIO);
        assertTrue(token != Governor.NOT_GOVERNED);
        governor.exit(token, null);
    }

    private void write(Path p) throws Exception {
        long token = governor.enterFile(FileOp.OPEN_WRITE, p.toString(), null, null, Gate.API_NIO);
        governor.exit(token, null);
    }

    private void assertDenied(Path p) {
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> governor.enterFile(FileOp.OPEN_WRITE, p.toString(), null, null, Gate.API_NIO));
        assertEquals("Warden denied file.write " + p + ": the secret stays in (rule no-out-after-secret)", e.getMessage());
    }
}
