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
        String u = withDefaultPort(stripUserInfo(url));
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

    private static final java.util.Map<String, String> DEFAULT_PORTS = java.util.Map.of(
            "jdbc:postgresql://", "5432", "jdbc:mariadb://", "3306", "jdbc:mysql://", "3306", "jdbc:sqlserver://", "1433");

    /**
     * {@code jdbc:mariadb://127.0.0.1/test} is {@code jdbc:mariadb://127.0.0.1:3306/test}: the
     * port written out, as for HTTP URLs, so one rule matches however the URL was spelled (MariaDB's
     * {@code DataSource} drops the default port from the URL it reports).
     */
    private static String withDefaultPort(String u) {
        for (java.util.Map.Entry<String, String> e : DEFAULT_PORTS.entrySet()) {
            String prefix = e.getKey();
            if (u.regionMatches(true, 0, prefix, 0, prefix.length())) {
                int start = prefix.length();
                int end = start;
                while (end < u.length() && "/?;,".indexOf(u.charAt(end)) < 0) {
                    end++;
                }
                String host = u.substring(start, end);
                boolean hasPort = host.startsWith("[") ? host.contains("]:") : host.contains(":");
                if (host.isEmpty() || hasPort) {
                    return u;
                }
                return u.substring(0, end) + ":" + e.getValue() + u.substring(end);
            }
        }
        return u;
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
