package dev.warden.agent.governor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The W3C {@code baggage} header ({@code https://www.w3.org/TR/baggage/}) that tells the service
 * called which agent called it: {@code warden.agent}, {@code warden.role} and
 * {@code warden.session}, merged with the members the application already sent. Warden's own
 * members replace any the application set, so a request cannot claim another agent's identity.
 */
final class Baggage {

    private final String members;
    /** The last header value merged and its result: most requests carry none, or the same one. */
    private volatile String[] last = {null, null};

    Baggage(Identity identity) {
        StringBuilder b = new StringBuilder();
        b.append("warden.agent=").append(encode(identity.agent));
        if (identity.role != null) {
            b.append(",warden.role=").append(encode(identity.role));
        }
        b.append(",warden.session=").append(encode(identity.session));
        this.members = b.toString();
    }

    String merge(String existing) {
        if (existing == null || existing.isBlank()) {
            return members;
        }
        String[] l = last;
        if (existing.equals(l[0])) {
            return l[1];
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
        last = new String[] {existing, merged};
        return merged;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
