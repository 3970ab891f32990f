package dev.warden.agent.sql;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code sql.connect} target: the JDBC URL without user and password, wherever a driver takes
 * them — {@code user:password@} before the host, {@code ?user=…&password=…} parameters (pgJDBC,
 * MariaDB, MySQL), {@code ;user=…;password=…} properties (H2, SQL Server) — so no credential ever
 * reaches a rule, an error message or the audit trail.
 */
public final class JdbcUrls {

    /** Parameter names that carry credentials, compared lower-case. */
    private static final Pattern SECRET = Pattern.compile("user|username|uid|password|pwd|.*password.*|.*secret.*|.*token.*");

    private JdbcUrls() {}

    public static String withoutCredentials(String url) {
        if (url == null) {
            return "jdbc:unknown";
        }
        String u = stripUserInfo(url);
        int p = firstParameter(u);
        if (p < 0) {
            return u;
        }
        StringBuilder out = new StringBuilder(u.length()).append(u, 0, p);
        boolean queryOpened = false;
        int i = p;
        while (i < u.length()) {
            char sep = u.charAt(i);
            int end = nextSeparator(u, i + 1);
            String param = u.substring(i + 1, end);
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (!param.isEmpty() && !SECRET.matcher(name).matches()) {
                if (sep == ';') {
                    out.append(';');
                } else {
                    // ?a=1&b=2: whichever query parameter stays first opens the query.
                    out.append(queryOpened ? '&' : '?');
                    queryOpened = true;
                }
                out.append(param);
            }
            i = end;
        }
        return out.toString();
    }

    /** {@code jdbc:x://user:pw@host/db} → {@code jdbc:x://host/db}. */
    private static String stripUserInfo(String url) {
        int scheme = url.indexOf("//");
        if (scheme < 0) {
            return url;
        }
        int hostStart = scheme + 2;
        int hostEnd = hostStart;
        while (hostEnd < url.length() && "/?;".indexOf(url.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        int at = url.lastIndexOf('@', hostEnd - 1);
        return at >= hostStart ? url.substring(0, hostStart) + url.substring(at + 1) : url;
    }

    private static int firstParameter(String u) {
        int q = u.indexOf('?');
        int s = u.indexOf(';');
        if (q < 0) {
            return s;
        }
        return s < 0 ? q : Math.min(q, s);
    }

    private static int nextSeparator(String params, int from) {
        for (int i = from; i < params.length(); i++) {
            char c = params.charAt(i);
            if (c == '&' || c == ';' || c == '?') {
                return i;
            }
        }
        return params.length();
    }
}
