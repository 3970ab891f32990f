package dev.warden.agent.governor;

/**
 * Faults Warden's own end-to-end tests inject, to prove that an error inside Warden denies
 * ({@code warden.failure = closed}) or allows ({@code open}) the call, is recorded, and never
 * crashes the host: {@code -Dwarden.test.fault=decide} makes every decision throw, as a bug in the
 * policy engine would; {@code -Dwarden.test.fault=audit} makes every audit append fail, as a full
 * disk or an unwritable trail would.
 *
 * <p>Read once, at start-up, from the command line's system property (an application cannot set
 * it before {@code premain} runs), and announced on Warden's log. It cannot weaken a policy: under
 * {@code closed} it denies every governed call, and under {@code open} Warden already allows what
 * it cannot decide.
 */
final class Faults {

    static final String PROPERTY = "warden.test.fault";

    final boolean decide;
    final boolean audit;

    private Faults(String spec) {
        this.decide = "decide".equals(spec);
        this.audit = "audit".equals(spec);
    }

    static Faults fromSystemProperty() {
        String spec = System.getProperty(PROPERTY);
        Faults f = new Faults(spec);
        if (spec != null) {
            org.slf4j.LoggerFactory.getLogger(Faults.class).warn("{} = {}: {}", PROPERTY, spec,
                    f.decide || f.audit ? "Warden injects this fault into every governed call (a test setting)"
                            : "unknown fault, ignored (decide, audit)");
        }
        return f;
    }

    /** What {@code decide} throws: an exception no code path of Warden expects. */
    IllegalStateException decideFault() {
        return new IllegalStateException("fault injected by " + PROPERTY + "=decide");
    }
}
