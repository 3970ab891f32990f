package dev.warden.agent.governor;

/**
 * What Warden needs of one message, read by the {@link MailReader}: each recipient target (the
 * {@code Address} it came from, for the {@code SendFailedException}), the sender, the subject and
 * the attachments. One per thread, reused: its arrays grow once, to the largest message sent.
 */
public final class MailFacts {

    private Object[] addresses = new Object[8];
    private String[] targets = new String[8];
    private int count;
    String sender;
    String subject;
    int attachments;
    long attachmentBytes;
    int attachmentsOfUnknownSize;

    void clear() {
        for (int i = 0; i < count; i++) {
            addresses[i] = null;
            targets[i] = null;
        }
        count = 0;
        sender = subject = null;
        attachments = attachmentsOfUnknownSize = 0;
        attachmentBytes = 0;
    }

    /**
     * One recipient, as the {@code Address} object and the address it holds. Decided once however
     * often it appears (To and the envelope); an address with encoded words also as it reads decoded.
     */
    public void recipient(Object address, String written) {
        String target = MailTargets.target(written);
        add(address, target);
        String decoded = MailTargets.decoded(written);
        if (decoded != null) {
            add(address, MailTargets.target(decoded));
        }
    }

    private void add(Object address, String target) {
        for (int i = 0; i < count; i++) {
            if (targets[i].equals(target)) {
                return;
            }
        }
        if (count == targets.length) {
            targets = java.util.Arrays.copyOf(targets, count * 2);
            addresses = java.util.Arrays.copyOf(addresses, count * 2);
        }
        addresses[count] = address;
        targets[count++] = target;
    }

    public void sender(String address) {
        sender = address;
    }

    public void subject(String s) {
        subject = s;
    }

    /** An attachment of {@code bytes}, or -1 when its size cannot be known without reading it. */
    public void attachment(long bytes) {
        attachments++;
        if (bytes < 0) {
            attachmentsOfUnknownSize++;
        } else {
            attachmentBytes += bytes;
        }
    }

    public int count() {
        return count;
    }

    public String target(int i) {
        return targets[i];
    }

    Object address(int i) {
        return addresses[i];
    }

    /**
     * The audit detail: {@code from a@x.test, 3 recipients (x.test, y.test), subject 12 chars, 2
     * attachments, 5120 bytes} — never the body; the subject itself only with
     * {@code warden.audit.mail-subject = true}.
     */
    void appendDetail(StringBuilder d, boolean subjectInFull) {
        d.append("from ").append(sender == null ? "-" : sender).append(", ").append(count)
                .append(count == 1 ? " recipient (" : " recipients (");
        int domains = 0;
        for (int i = 0; i < count; i++) {
            if (firstWithDomain(i)) {
                d.append(domains++ == 0 ? "" : ", ");
                appendDomain(d, targets[i]);
            }
        }
        d.append("), subject ");
        if (subject == null) {
            d.append("none");
        } else if (subjectInFull) {
            d.append('"').append(subject).append('"');
        } else {
            d.append(subject.length()).append(" chars");
        }
        if (attachments == 0) {
            d.append(", no attachments");
            return;
        }
        d.append(", ").append(attachments).append(attachments == 1 ? " attachment, " : " attachments, ")
                .append(attachmentBytes).append(" bytes");
        if (attachmentsOfUnknownSize > 0) {
            d.append(" (").append(attachmentsOfUnknownSize).append(" of unknown size)");
        }
    }

    /** Whether target {@code i} is the first with its domain (compared in place: no substring). */
    private boolean firstWithDomain(int i) {
        String t = targets[i];
        int at = t.lastIndexOf('@');
        for (int j = 0; j < i; j++) {
            String u = targets[j];
            int atU = u.lastIndexOf('@');
            if (at < 0 ? atU < 0 : atU >= 0 && t.length() - at == u.length() - atU && t.regionMatches(at, u, atU, t.length() - at)) {
                return false;
            }
        }
        return true;
    }

    private static void appendDomain(StringBuilder d, String target) {
        int at = target.lastIndexOf('@');
        if (at < 0) {
            d.append("no domain");
        } else {
            d.append(target, at + 1, target.length());
        }
    }
}
