package dev.warden.agent.governor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.agent.audit.AuditRecord;
import dev.warden.policy.Action;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ApprovalsTest {

    private final RecordingSink sink = new RecordingSink();
    private final Recorder recorder = new Recorder(sink, new Identity("bot", null), null, Faults.fromSystemProperty());

    /** A file read that the rule {@code ask} sends to a person. */
    private static CallFrame asking(String path) {
        CallFrame f = new CallFrame();
        f.reset(Family.FILE);
        int i = f.add(Action.FILE_READ, path, null, null, null);
        f.decisions[i] = Outcome.ALLOW;
        f.rules[i] = "ask";
        f.reasons[i] = "needs approval";
        f.approvalStates[i] = Approvals.ASKING;
        return f;
    }

    /** Starts {@code ask} on a thread named {@code thread} and waits until its pending record is written. */
    private CompletableFuture<CallFrame> askOn(Approvals approvals, CallFrame f, String thread) throws Exception {
        CompletableFuture<CallFrame> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            approvals.ask(f, 0, f.count, recorder);
            done.complete(f);
        }, thread);
        t.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sink.records.isEmpty() && !done.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return done;
    }

    private AuditRecord pendingRecord() {
        return sink.records.stream().filter(r -> "pending".equals(r.decision)).findFirst().orElseThrow();
    }

    @Test
    void anApprovedCallProceedsAndSaysWhoApproved() throws Exception {
        Approvals approvals = new Approvals(Duration.ofMinutes(1), null, "/audit");
        CallFrame f = asking("/srv/x");
        CompletableFuture<CallFrame> done = askOn(approvals, f, "tool-1");
        AuditRecord pending = pendingRecord();
        assertEquals("/srv/x", pending.targets[0]);
        assertEquals("ask", pending.rule);
        assertEquals(1, approvals.waiting());
        assertEquals(12, pending.approval.length());

        assertTrue(approvals.decide(pending.approval, true, "alice"));
        done.get(10, TimeUnit.SECONDS);
        assertEquals(Outcome.ALLOW, f.decisions[0]);
        assertEquals(Approvals.APPROVED, f.approvalStates[0]);
        assertEquals("approved by alice", f.reasons[0]);
        assertEquals(pending.approval, f.approvalIds[0]);
        assertFalse(approvals.decide(pending.approval, false, "bob"), "answered: nothing waits for it any more");
    }

    @Test
    void aRejectedCallFailsNamingWhoRejected() throws Exception {
        Approvals approvals = new Approvals(Duration.ofMinutes(1), null, "/audit");
        CallFrame f = asking("/srv/x");
        CompletableFuture<CallFrame> done = askOn(approvals, f, "tool-1");
        assertTrue(approvals.decide(pendingRecord().approval, false, "bob"));
        done.get(10, TimeUnit.SECONDS);
        assertEquals(Outcome.DENY, f.decisions[0]);
        assertEquals(Approvals.REJECTED, f.approvalStates[0]);
        assertEquals("rejected by bob", f.reasons[0]);
    }

    @Test
    void noAnswerWithinTheTimeoutRejects() throws Exception {
        Approvals approvals = new Approvals(Duration.ofMillis(200), null, "/audit");
        CallFrame f = asking("/srv/x");
        askOn(approvals, f, "tool-1").get(10, TimeUnit.SECONDS);
        assertEquals(Outcome.DENY, f.decisions[0]);
        assertEquals("approval timeout", f.reasons[0]);
        assertEquals(0, approvals.waiting());
        assertFalse(approvals.decide(f.approvalIds[0], true, "late"), "too late: the call already failed");
    }

    @Test
    void anEventLoopIsNeverMadeToWait() throws Exception {
        Approvals approvals = new Approvals(Duration.ofMinutes(5), null, "/audit");
        CallFrame f = asking("/srv/x");
        long start = System.nanoTime();
        askOn(approvals, f, "nioEventLoopGroup-2-1").get(10, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        assertEquals(Outcome.DENY, f.decisions[0]);
        assertEquals("approval needs a blocking caller", f.reasons[0]);
        assertNull(f.approvalIds[0], "nobody was asked");
        assertTrue(sink.records.isEmpty(), "no pending record");
    }

    @Test
    void idsAreTwelveHexDigitsAndDiffer() {
        String a = Approvals.newId();
        assertTrue(a.matches("[0-9a-f]{12}"), a);
        assertFalse(a.equals(Approvals.newId()));
    }

    @Test
    void aReloadedTimeoutAppliesToRequestsAskedAfterIt() throws Exception {
        Approvals approvals = new Approvals(Duration.ofMinutes(5), null, "/audit");
        CallFrame waiting = asking("/srv/before");
        CompletableFuture<CallFrame> before = askOn(approvals, waiting, "tool-1");
        approvals.configure(Duration.ofMillis(200), null);

        sink.records.clear();
        CallFrame after = asking("/srv/after");
        long start = System.nanoTime();
        askOn(approvals, after, "tool-2").get(10, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        assertEquals("approval timeout", after.reasons[0]);

        Thread.sleep(300);
        assertFalse(before.isDone(), "a request already waiting keeps the timeout it was asked with");
        assertTrue(approvals.decide(waiting.approvalIds[0], true, "alice"));
        before.get(10, TimeUnit.SECONDS);
        assertEquals("approved by alice", waiting.reasons[0]);
    }

    @Test
    void aReloadedWebhookReceivesTheRequestsAskedAfterIt() throws Exception {
        java.util.concurrent.BlockingQueue<String> first = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.BlockingQueue<String> second = new java.util.concurrent.LinkedBlockingQueue<>();
        com.sun.net.httpserver.HttpServer a = hook(first);
        com.sun.net.httpserver.HttpServer b = hook(second);
        try {
            Approvals approvals = new Approvals(Duration.ofMinutes(5), null, "/audit");
            approvals.configure(Duration.ofMillis(100), url(a));
            askOn(approvals, asking("/srv/one"), "tool-1").get(10, TimeUnit.SECONDS);
            assertTrue(first.poll(10, TimeUnit.SECONDS).contains("/srv/one"));

            approvals.configure(Duration.ofMillis(100), url(b));
            sink.records.clear();
            askOn(approvals, asking("/srv/two"), "tool-1").get(10, TimeUnit.SECONDS);
            assertTrue(second.poll(10, TimeUnit.SECONDS).contains("/srv/two"));

            approvals.configure(Duration.ofMillis(100), null);
            sink.records.clear();
            askOn(approvals, asking("/srv/three"), "tool-1").get(10, TimeUnit.SECONDS);
            Thread.sleep(300);
            assertTrue(first.isEmpty() && second.isEmpty(), "removed: nothing is posted any more");
        } finally {
            a.stop(0);
            b.stop(0);
        }
    }

    /** A loopback webhook that puts each body it receives into {@code bodies}. */
    private static com.sun.net.httpserver.HttpServer hook(java.util.concurrent.BlockingQueue<String> bodies) throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String url(com.sun.net.httpserver.HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }
}
