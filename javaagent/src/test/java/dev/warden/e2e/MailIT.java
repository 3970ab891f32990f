package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code mail.send} through every way an application sends mail — Jakarta Mail's static
 * {@code Transport.send} overloads and a connected transport's {@code sendMessage} with an explicit
 * envelope, the same through the legacy {@code javax.mail}, and Spring's {@code JavaMailSender} —
 * unmodified under the real agent jar on JDK 17 and 25, against GreenMail on loopback. One child
 * JVM per way runs every scenario; the test then checks each answer, what GreenMail received and
 * the audit trail.
 */
class MailIT {

    static GreenMail greenMail;
    /** Refuses every recipient (550): the SMTP error of a failed send. */
    static ScriptedSmtpServer rejecting;
    /** A net.connect deny rule names it: it must never see a connection. */
    static ScriptedSmtpServer forbidden;

    @TempDir
    Path temp;

    @BeforeAll
    static void servers() throws Exception {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withUser("agent@example.test", "agent", "secret"));
        greenMail.start();
        rejecting = new ScriptedSmtpServer();
        forbidden = new ScriptedSmtpServer();
    }

    @AfterAll
    static void stop() throws Exception {
        greenMail.stop();
        rejecting.close();
        forbidden.close();
        assertEquals(0, forbidden.connections(), "the server a net.connect deny rule names saw a connection");
    }

    static Stream<Arguments> ways() {
        List<Arguments> out = new ArrayList<>();
        for (Path jdk : Jdks.all()) {
            for (String way : List.of("jakarta-send", "jakarta-send-auth", "jakarta-envelope", "jakarta-envelope-auth",
                    "jakarta-transport", "javax-send", "javax-send-auth", "javax-envelope", "javax-envelope-auth",
                    "javax-transport", "spring-mime")) {
                out.add(Arguments.of(way, jdk));
            }
        }
        return out.stream();
    }

    private MailToolRun policy(String... extra) throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "warden.rule.own.actions = mail.send",
                "warden.rule.own.targets = *@example.test",
                "warden.rule.own.effect = allow",
                "warden.rule.own.max-targets = 3",
                "warden.rule.no-ceo.actions = mail.send",
                "warden.rule.no-ceo.targets = ceo@example.test",
                "warden.rule.no-ceo.effect = deny",
                "warden.rule.no-ceo.reason = agents do not mail the CEO",
                "warden.rule.bulk.actions = mail.send",
                "warden.rule.bulk.targets = *@bulk.example.test",
                "warden.rule.bulk.effect = allow",
                "warden.rule.bulk.limit = 2/1h",
                "warden.rule.no-relay.actions = net.connect",
                "warden.rule.no-relay.targets = 127.0.0.1:" + forbidden.port(),
                "warden.rule.no-relay.effect = deny",
                "warden.rule.no-relay.reason = no SMTP there"));
        lines.addAll(Arrays.asList(extra));
        return new MailToolRun(temp).policy(lines.toArray(new String[0]));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("ways")
    void governsEveryMessageAndRecipient(String way, Path jdk) throws Exception {
        String api = way.substring(0, way.indexOf('-'));
        String tag = way + "-" + Jdks.feature(jdk);
        boolean envelope = way.endsWith("envelope") || way.endsWith("envelope-auth") || way.endsWith("transport");
        String refusedType = (api.equals("javax") ? "javax" : "jakarta") + ".mail.SendFailedException";
        String encoded = "=?UTF-8?B?ZXZlQGV2aWwudGVzdA==?="; // eve@evil.test
        String encodedTarget = "=?utf-8?b?zxzlqgv2awwudgvzda==?=";
        Steps s = new Steps(way, tag);
        String allowed = s.add("allowed", "to=ann@example.test|cc=bob@example.test|bcc=cat@example.test|attach=100,23");
        String inTo = s.add("to", "to=ann@example.test,eve@evil.test");
        String inCc = s.add("cc", "to=ann@example.test|cc=ceo@example.test");
        String inBcc = s.add("bcc", "to=ann@example.test|bcc=eve@evil.test");
        String group = s.add("group", "to=team: ann@example.test, eve@evil.test;");
        String encodedWord = s.add("encoded", "to=ann@example.test|raw-to=" + encoded);
        String tooMany = s.add("max", "to=a1@example.test,a2@example.test,a3@example.test,a4@example.test");
        String bulk1 = s.add("bulk1", "to=p@bulk.example.test,q@bulk.example.test");
        String bulk2 = s.add("bulk2", "to=p@bulk.example.test,q@bulk.example.test");
        String bulk3 = s.add("bulk3", "to=p@bulk.example.test,q@bulk.example.test");
        String inEnvelope = envelope ? s.add("envelope", "to=ann@example.test|envelope=ann@example.test,eve@evil.test") : null;
        String smtpError = s.add("smtp-error", "to=ann@example.test|port=" + rejecting.port());
        String netDenied = s.add("net-denied", "to=ann@example.test|port=" + forbidden.port());

        MailToolRun run = policy();
        ChildJvm.Result r = run.run(jdk, api, greenMail.getSmtp().getPort(), s.steps);
        String why = r.stdout() + "\nstderr: " + r.stderr();

        // Allowed: to each of To, Cc and Bcc.
        assertEquals("OK " + allowed + " sent", r.line("OK " + allowed), why);
        assertEquals(List.of("ann@example.test", "bob@example.test", "cat@example.test"), receivedBy(tag + " allowed"));
        // One refused recipient, wherever it is: the message reaches no one; SendFailedException names exactly it.
        String defaultDenial = "Warden denied mail.send eve@evil.test: no rule allows this (default)";
        assertRefused(r, inTo, refusedType, defaultDenial, "[eve@evil.test]", "[ann@example.test]");
        assertRefused(r, inCc, refusedType, "Warden denied mail.send ceo@example.test: agents do not mail the CEO (rule no-ceo)",
                "[ceo@example.test]", "[ann@example.test]");
        assertRefused(r, inBcc, refusedType, defaultDenial, "[eve@evil.test]", "[ann@example.test]");
        assertRefused(r, group, refusedType, defaultDenial, "[eve@evil.test]", "[ann@example.test]");
        assertRefused(r, encodedWord, refusedType, "Warden denied mail.send " + encodedTarget + ", eve@evil.test: no rule allows this (default)",
                "[" + encoded + "]", "[ann@example.test]");
        assertRefused(r, tooMany, refusedType, "Warden denied mail.send a1@example.test, a2@example.test, a3@example.test, a4@example.test:"
                + " more than 3 targets (4) (rule own)", "[a1@example.test, a2@example.test, a3@example.test, a4@example.test]", "[]");
        // limit = 2/1h counts messages, not recipients: two messages to two recipients each pass.
        assertEquals("OK " + bulk1 + " sent", r.line("OK " + bulk1), why);
        assertEquals("OK " + bulk2 + " sent", r.line("OK " + bulk2), why);
        assertRefused(r, bulk3, refusedType, "Warden denied mail.send p@bulk.example.test, q@bulk.example.test: rate limit (rule bulk)",
                "[p@bulk.example.test, q@bulk.example.test]", "[]");
        assertEquals(List.of("p@bulk.example.test", "p@bulk.example.test", "q@bulk.example.test", "q@bulk.example.test"),
                receivedBy(tag + " bulk"));
        if (envelope) {
            assertRefused(r, inEnvelope, refusedType, defaultDenial, "[eve@evil.test]", "[ann@example.test]");
        }
        for (String refused : List.of("to", "cc", "bcc", "group", "encoded", "max", "envelope")) {
            assertEquals(List.of(), receivedBy(tag + " " + refused), refused + " reached someone");
        }
        // The server's own refusal, and a server a net.connect deny rule names.
        assertTrue(r.line("ERR " + smtpError + " ").contains(ScriptedSmtpServer.REFUSAL), why);
        assertTrue(r.line("ERR " + netDenied + " ").contains("Warden denied net.connect 127.0.0.1:" + forbidden.port()
                + ": no SMTP there (rule no-relay)"), why);

        AuditTrail trail = run.trail(jdk);
        JsonNode ok = only(trail, "ann@example.test", "bob@example.test", "cat@example.test");
        assertEquals("allow", ok.path("decision").asText(), ok.toString());
        assertEquals("own", ok.path("rule").asText(), ok.toString());
        assertEquals("ok", ok.path("outcome").asText(), ok.toString());
        assertEquals("from agent@example.test, 3 recipients (example.test), subject " + (tag + " allowed").length()
                + " chars, 2 attachments, 123 bytes", ok.path("detail").asText(), ok.toString());
        List<JsonNode> eve = records(trail, "ann@example.test", "eve@evil.test"); // in To, in Bcc, in a group, in the envelope
        assertEquals(envelope ? 4 : 3, eve.size(), eve.toString());
        for (JsonNode n : eve) {
            assertDenied(n, "default", "eve@evil.test");
        }
        assertDenied(only(trail, "ann@example.test", "ceo@example.test"), "no-ceo", "ceo@example.test");
        assertDenied(only(trail, "ann@example.test", encodedTarget, "eve@evil.test"), "default", encodedTarget, "eve@evil.test");
        assertDenied(only(trail, "a1@example.test", "a2@example.test", "a3@example.test", "a4@example.test"), "own",
                "a1@example.test", "a2@example.test", "a3@example.test", "a4@example.test");
        List<JsonNode> bulk = records(trail, "p@bulk.example.test", "q@bulk.example.test");
        assertEquals(3, bulk.size(), bulk.toString());
        assertEquals("ok", bulk.get(0).path("outcome").asText());
        assertEquals("ok", bulk.get(1).path("outcome").asText());
        assertDenied(bulk.get(2), "bulk", "p@bulk.example.test", "q@bulk.example.test");
        assertEquals("rate limit", bulk.get(2).path("reason").asText());
        List<JsonNode> failed = trail.where(n -> n.path("action").asText().equals("mail.send")
                && n.path("error").asText().contains(ScriptedSmtpServer.REFUSAL));
        assertEquals(1, failed.size(), trail.toString());
        assertEquals("failed", failed.get(0).path("outcome").asText());
        assertEquals("allow", failed.get(0).path("decision").asText());
        // The transport's connect to GreenMail needed no net.connect allow rule; the deny rule held.
        int gm = greenMail.getSmtp().getPort();
        List<JsonNode> connects = trail.about("net.connect", "127.0.0.1:" + gm);
        assertFalse(connects.isEmpty(), trail.toString());
        for (JsonNode c : connects) {
            assertEquals("allow", c.path("decision").asText(), c.toString());
            assertEquals("a mail transport's connect", c.path("reason").asText(), c.toString());
        }
        JsonNode relay = trail.only("net.connect", "127.0.0.1:" + forbidden.port());
        assertEquals("deny", relay.path("decision").asText());
        assertEquals("no-relay", relay.path("rule").asText());
        // Never the body, never the subject.
        for (JsonNode n : trail.records) {
            assertFalse(n.toString().contains("the body of the message"), n.toString());
            assertFalse(n.toString().contains(tag), n.toString());
        }
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void recordsSubjectsOnlyWhenAsked(Path jdk) throws Exception {
        String subject = "Quarterly report " + Jdks.feature(jdk);
        MailToolRun run = policy("warden.audit.mail-subject = true");
        String step = "jakarta-send|to=ann@example.test|from=Bot@Example.test|subject=" + subject;
        ChildJvm.Result r = run.run(jdk, "jakarta", greenMail.getSmtp().getPort(), List.of(step));
        assertEquals("OK " + step + " sent", r.line("OK " + step), r.toString());
        JsonNode n = only(run.trail(jdk), "ann@example.test");
        assertEquals("from Bot@Example.test, 1 recipient (example.test), subject \"" + subject + "\", no attachments",
                n.path("detail").asText(), n.toString());
    }

    static List<Path> jdks() {
        return Jdks.all();
    }

    /** The steps of one run, each with a subject naming the run and the case. */
    private static final class Steps {
        final String way;
        final String tag;
        final List<String> steps = new ArrayList<>();

        Steps(String way, String tag) {
            this.way = way;
            this.tag = tag;
        }

        String add(String name, String options) {
            String step = way + "|" + options + "|subject=" + tag + " " + name;
            steps.add(step);
            return step;
        }
    }

    /**
     * The mailboxes GreenMail delivered a message whose subject starts with {@code prefix} to, sorted:
     * it stores one copy per delivery, in the recipient's inbox (a Bcc recipient too).
     */
    private static List<String> receivedBy(String prefix) throws Exception {
        List<String> delivered = new ArrayList<>();
        for (com.icegreen.greenmail.user.GreenMailUser u : greenMail.getUserManager().listUser()) {
            for (com.icegreen.greenmail.store.StoredMessage m : greenMail.getManagers().getImapHostManager().getInbox(u).getMessages()) {
                String subject = m.getMimeMessage().getSubject();
                if (subject != null && subject.startsWith(prefix)) {
                    delivered.add(u.getEmail());
                }
            }
        }
        delivered.sort(null);
        return delivered;
    }

    private static void assertRefused(ChildJvm.Result r, String step, String type, String message, String invalid, String unsent) {
        String line = r.line("ERR " + step + " ");
        String rest = line.substring(("ERR " + step + " ").length());
        assertTrue(rest.startsWith(type + ": " + message), line);
        assertTrue(rest.endsWith(" invalid=" + invalid + " unsent=" + unsent), line); // no cause: Warden's own refusal
    }

    private static void assertDenied(JsonNode n, String rule, String... denied) {
        assertEquals("deny", n.path("decision").asText(), n.toString());
        assertEquals(rule, n.path("rule").asText(), n.toString());
        assertEquals("blocked", n.path("outcome").asText(), n.toString());
        List<String> d = new ArrayList<>();
        n.path("denied").forEach(x -> d.add(x.asText()));
        assertEquals(List.of(denied), d, n.toString());
    }

    /** The mail.send records whose targets are exactly {@code targets}, in trail order. */
    private static List<JsonNode> records(AuditTrail trail, String... targets) {
        return trail.where(n -> {
            if (!n.path("action").asText().equals("mail.send")) {
                return false;
            }
            List<String> t = new ArrayList<>();
            if (n.path("target").isArray()) {
                n.path("target").forEach(x -> t.add(x.asText()));
            } else {
                t.add(n.path("target").asText());
            }
            return t.equals(List.of(targets));
        });
    }

    private static JsonNode only(AuditTrail trail, String... targets) {
        List<JsonNode> found = records(trail, targets);
        assertEquals(1, found.size(), "records of " + Arrays.toString(targets) + ": " + trail);
        return found.get(0);
    }
}
