package dev.warden.agent.governor;

import dev.warden.policy.Action;
import dev.warden.policy.Policy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides mail messages ({@code mail.send}): one target per recipient, the strictest decision
 * wins, {@code max-targets} and each rate limit once per message ({@link RuntimeChecks#applyCall}).
 * A message with one refused recipient is sent to no one: the caller gets the API's
 * {@code SendFailedException}, whose invalid addresses are exactly the refused ones.
 */
final class MailCalls {

    private static final Logger LOG = LoggerFactory.getLogger(MailCalls.class);
    static final String MAIL_TRANSPORT = "a mail transport's connect";

    private final WardenGovernor governor;

    MailCalls(WardenGovernor governor) {
        this.governor = governor;
    }

    /** Reads the message on the application's side (the mail library's code), then decides it inside Warden. */
    long decide(ThreadState ts, Object message, Object envelope) {
        MailReader reader = MailReader.INSTALLED[0];
        MailFacts facts = ts.mailFacts();
        facts.clear();
        Throwable unreadable = null;
        try {
            reader.read(message, envelope, facts);
        } catch (Throwable t) {
            unreadable = t;
        }
        int depth = ts.depth();
        ts.insideWarden++;
        try {
            if (unreadable != null) {
                return unreadable(ts, reader, message, unreadable);
            }
            return decideRead(ts, reader, message, facts);
        } catch (Throwable internal) {
            ts.popTo(depth);
            return unreadable(ts, reader, message, internal);
        } finally {
            ts.insideWarden--;
        }
    }

    private long decideRead(ThreadState ts, MailReader reader, Object message, MailFacts facts) throws Throwable {
        if (facts.count() == 0) {
            return dev.warden.bootstrap.Governor.NOT_GOVERNED; // no one to send to: the library refuses it itself
        }
        long now = System.nanoTime();
        CallFrame f = ts.push(Family.MAIL);
        if (f == null) {
            ts.denial = reader.refused(message, Denials.message("mail.send", facts.target(0), "governed calls nested too deep",
                    "error"), null, 0, null, 0);
            return NetworkCalls.DENIED;
        }
        f.startNanos = now;
        f.path = message;
        f.mail = facts;
        Policy policy = governor.policyFor(f);
        for (int t = 0; t < facts.count(); t++) {
            int i = f.add(Action.MAIL_SEND, facts.target(t), null, null, null);
            if (policy == null) {
                governor.noPolicy(f, i);
            } else {
                f.verdicts[i] = policy.decide(Action.MAIL_SEND, facts.target(t), governor.performed(f));
            }
        }
        if (policy != null) {
            RuntimeChecks.applyCall(f, 0, governor.controls(), governor.recorder(), policy, now);
        }
        if (f.firstDenied() < 0) {
            governor.proceeding(f);
            return NetworkCalls.GOVERNED;
        }
        governor.recorder().blocked(ts, f);
        ts.denial = refusal(reader, message, f, facts);
        ts.pop();
        return NetworkCalls.DENIED;
    }

    /** The {@code SendFailedException}: the refused recipients invalid, the others valid and unsent. */
    private static Exception refusal(MailReader reader, Object message, CallFrame f, MailFacts facts) throws Throwable {
        Object[] invalid = new Object[facts.count()];
        Object[] unsent = new Object[facts.count()];
        int invalidCount = 0;
        int unsentCount = 0;
        for (int i = 0; i < f.count; i++) {
            if (f.decisions[i] == Outcome.DENY) {
                invalidCount = addOnce(invalid, invalidCount, facts.address(i));
            }
        }
        for (int i = 0; i < f.count; i++) {
            if (f.decisions[i] != Outcome.DENY && indexOf(invalid, invalidCount, facts.address(i)) < 0) {
                unsentCount = addOnce(unsent, unsentCount, facts.address(i));
            }
        }
        return reader.refused(message, message(f), invalid, invalidCount, unsent, unsentCount);
    }

    /**
     * policy.md's sentence for each refusal, the recipients refused for the same reason by the same
     * rule listed together: {@code Warden denied mail.send a@x.test, b@x.test: more than 5 targets (6)
     * (rule mail)}; sentences for different reasons are joined by {@code "; "}.
     */
    static String message(CallFrame f) {
        StringBuilder m = new StringBuilder();
        boolean[] told = new boolean[f.count];
        for (int i = 0; i < f.count; i++) {
            if (f.decisions[i] != Outcome.DENY || told[i]) {
                continue;
            }
            StringBuilder targets = new StringBuilder();
            for (int j = i; j < f.count; j++) {
                if (f.decisions[j] == Outcome.DENY && !told[j] && f.reasons[j].equals(f.reasons[i]) && f.rules[j].equals(f.rules[i])) {
                    told[j] = true;
                    targets.append(targets.length() == 0 ? "" : ", ").append(f.targets[j]);
                }
            }
            m.append(m.length() == 0 ? "" : "; ").append(Denials.message(f.actions[i].name(), targets.toString(), f.reasons[i], f.rules[i]));
        }
        return m.toString();
    }

    private static int addOnce(Object[] into, int count, Object address) {
        if (indexOf(into, count, address) < 0) {
            into[count++] = address;
        }
        return count;
    }

    private static int indexOf(Object[] in, int count, Object address) {
        for (int i = 0; i < count; i++) {
            if (in[i] == address) {
                return i;
            }
        }
        return -1;
    }

    /** The message could not be read (or Warden failed): recorded as an error; denied under warden.failure = closed. */
    private long unreadable(ThreadState ts, MailReader reader, Object message, Throwable why) {
        String reason = "cannot read the message's recipients: " + why;
        boolean closed = governor.failClosed();
        LOG.error("Warden could not decide a mail message; {}", closed ? "denied (warden.failure = closed)" : "allowed (warden.failure = open)", why);
        governor.recorder().error(ts, "mail.send", "-", reason, closed);
        if (!closed) {
            return dev.warden.bootstrap.Governor.NOT_GOVERNED;
        }
        String text = Denials.message("mail.send", "-", reason, "error");
        try {
            ts.denial = reader.refused(message, text, null, 0, null, 0);
        } catch (Throwable noApi) {
            ts.denial = new IllegalStateException(text, why);
        }
        return NetworkCalls.DENIED;
    }
}
