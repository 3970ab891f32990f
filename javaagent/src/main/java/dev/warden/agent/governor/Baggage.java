package dev.warden.agent.governor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The W3C {@code baggage} header ({@code https://www.w3.org/TR/baggage/}) that tells the service
 * called which agent called it: {@code warden.agent}, {@code warden.role} and
 * {@code warden.session}, merged with the members the application already sent. Warden's own
 * members replace any the application set, so a request cannot claim another agent's identity.
 * The session is the one the calling thread acts for: a session the application named
 * ({@code WardenSession}) or the process's.
 */
final class Baggage {

    private final String agentAndRole;
    private final String members;
    /** The last header value merged, the members it was merged with, and the result: most requests carry none, or the same one. */
    private volatile String[] last = {null, null, null};

    Baggage(Identity identity) {
        StringBuilder b = new StringBuilder();
        b.append("warden.agent=").append(encode(identity.agent));
        if (identity.role != null) {
            b.append(",warden.role=").append(encode(identity.role));
        }
        this.agentAndRole = b.toString();
        this.members = withSession(identity.session);
    }

    private String withSession(String session) {
        return agentAndRole + ",warden.session=" + encode(session);
    }

    /** The members for the calling thread's session. */
    private String members() {
        Session s = WardenThreads.STATE.get().session;
        if (s == null || !s.named) {
            return members;
        }
        String m = s.baggageMembers;
        if (m == null) {
            s.baggageMembers = m = withSession(s.id);
        }
        return m;
    }

    String merge(String existing) {
        String members = members();
        if (existing == null || existing.isBlank()) {
            return members;
        }
        String[] l = last;
        if (existing.equals(l[0]) && members == l[1]) {
            return l[2];
        }
        StringBuilder out = new StringBuilder();
        for (String member : existing.split(",")) {
            String m = member.trim();
            if (m.isEmpty() || m.regionMatches(true, 0, "warden.", 0, 7)) {
                continue;
            }
            out.append(m).append(',');
        }
        String merged = out.append(members).toString();
        last = new String[] {existing, members, merged};
        return merged;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
