package dev.warden.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Each target syntax of policy.md's "Target patterns", URLs, net.connect and SQL. */
class TargetPatternsTest {

    private static boolean matches(TargetSyntax syntax, String pattern, String target) {
        return syntax.compile(pattern, Path.of("/work")).matches(target);
    }

    @Test
    void urls() {
        TargetSyntax u = TargetSyntax.URL;
        assertTrue(matches(u, "https://crm.example.com/api/**", "https://crm.example.com:443/api/v1/x"));
        assertTrue(matches(u, "https://crm.example.com/api/**", "https://crm.example.com:443/api"));
        assertFalse(matches(u, "https://crm.example.com/api/**", "https://crm.example.com:8443/api/x"), "default port only");
        assertFalse(matches(u, "https://crm.example.com/api/**", "http://crm.example.com:80/api/x"), "scheme");
        assertTrue(matches(u, "HTTPS://CRM.example.com/api/**", "https://crm.example.com:443/api/x"), "scheme and host ignore case");
        assertFalse(matches(u, "https://crm.example.com/api/**", "https://crm.example.com:443/API/x"), "paths do not");
        assertTrue(matches(u, "https://*.example.com/**", "https://a.example.com:443/"));
        assertFalse(matches(u, "https://*.example.com/**", "https://a.b.example.com:443/"));
        assertTrue(matches(u, "https://**.example.com/**", "https://a.b.example.com:443/"));
        assertTrue(matches(u, "http://localhost:*/**", "http://localhost:8080/x"));
        assertTrue(matches(u, "http://localhost:8080/x", "http://localhost:8080/x"));
        assertTrue(matches(u, "https://api.example.com", "https://api.example.com:443/any/path"), "no path: any path");
        assertFalse(matches(u, "https://api.example.com/", "https://api.example.com:443/any"), "/ is the root only");
        assertTrue(matches(u, "*://api.example.com/**", "http://api.example.com:80/"));
        assertFalse(matches(u, "*://api.example.com/**", "http://api.example.com:443/"));
        assertTrue(matches(u, "http://[::1]:8080/**", "http://[::1]:8080/x"));
        assertThrows(IllegalArgumentException.class, () -> TargetSyntax.URL.compile("gopher://x/", Path.of("/")));
        assertThrows(IllegalArgumentException.class, () -> TargetSyntax.URL.compile("https://x/?q=1", Path.of("/")));
    }

    @Test
    void netConnectHostsPortsAndCidr() {
        TargetSyntax n = TargetSyntax.HOST_PORT;
        assertTrue(matches(n, "169.254.0.0/16:*", "169.254.169.254:80"));
        assertFalse(matches(n, "169.254.0.0/16:*", "169.255.0.1:80"));
        assertTrue(matches(n, "10.0.0.0/8:5432", "10.1.2.3:5432"));
        assertFalse(matches(n, "10.0.0.0/8:5432", "10.1.2.3:5433"));
        assertTrue(matches(n, "127.0.0.1:5432", "127.0.0.1:5432"));
        assertTrue(matches(n, "169.254.0.0/16:*", "[::ffff:169.254.169.254]:80"), "IPv4-mapped IPv6");
        assertTrue(matches(n, "[::1]:443", "[::1]:443"));
        assertTrue(matches(n, "[::1]:443", "[0:0:0:0:0:0:0:1]:443"));
        assertFalse(matches(n, "[::1]:443", "[::2]:443"));
        assertTrue(matches(n, "[fd00::/8]:*", "[fd12:3456::1]:22"));
        assertFalse(matches(n, "[fd00::/8]:*", "[fe80::1]:22"));
        assertFalse(matches(n, "[fd00::/8]:*", "10.0.0.1:22"));
        assertTrue(matches(n, "*.internal:*", "db.internal:5432"));
        assertTrue(matches(n, "*.INTERNAL:5432", "db.internal:5432"));
        assertFalse(matches(n, "10.0.0.0/8:*", "db.internal:5432"), "a host name is no address");
        assertTrue(matches(n, "unix:/run/*.sock", "unix:/run/docker.sock"));
        assertFalse(matches(n, "unix:/run/*.sock", "/run/docker.sock:1"));
        assertThrows(IllegalArgumentException.class, () -> n.compile("::1:443", Path.of("/")));
        assertThrows(IllegalArgumentException.class, () -> n.compile("host:0", Path.of("/")));
        assertThrows(IllegalArgumentException.class, () -> n.compile("a.b/8:1", Path.of("/")));
    }

    @Test
    void tablesWithAndWithoutSchema() {
        TargetSyntax t = TargetSyntax.TABLE;
        assertTrue(matches(t, "customers", "public.customers"));
        assertTrue(matches(t, "customers", "crm.customers"));
        assertTrue(matches(t, "Customers", "customers"));
        assertFalse(matches(t, "customers", "public.customers_old"));
        assertTrue(matches(t, "public.*", "public.orders"));
        assertFalse(matches(t, "public.*", "crm.orders"));
        assertTrue(matches(t, "PUBLIC.Orders", "public.orders"));
        assertTrue(matches(t, "-", "-"));
        assertFalse(matches(t, "-", "public.x"));
        assertFalse(matches(t, "?", "-"), "- and * are literal targets");
        assertFalse(matches(t, "public.*", "*"));
        assertTrue(matches(t, "*", "-"));
        assertTrue(matches(t, "*", "*"));
        assertTrue(matches(t, "*", "public.anything"));
    }

    @Test
    void mailIsCaseInsensitiveAndStarCoversDotsInTheLocalPart() {
        TargetSyntax m = TargetSyntax.MAIL;
        assertTrue(matches(m, "*@example.com", "a.b@example.com"));
        assertTrue(matches(m, "*@Example.COM", "anna@example.com"));
        assertTrue(matches(m, "ceo@example.com", "CEO@example.com"));
        assertFalse(matches(m, "*@example.com", "a@evil.example.com"));
        assertTrue(matches(m, "*@*.example.com", "a@eu.example.com"));
        assertFalse(matches(m, "*@example.com", "a@example.com.evil"));
    }

    @Test
    void jdbcUrls() {
        TargetSyntax j = TargetSyntax.JDBC_URL;
        assertTrue(matches(j, "jdbc:postgresql://127.0.0.1:5432/**", "jdbc:postgresql://127.0.0.1:5432/app"));
        assertTrue(matches(j, "JDBC:PostgreSQL://127.0.0.1:5432/**", "jdbc:postgresql://127.0.0.1:5432/app"));
        assertFalse(matches(j, "jdbc:postgresql://127.0.0.1:5432/**", "jdbc:postgresql://10.0.0.1:5432/app"));
        assertFalse(matches(j, "jdbc:h2:/data/db", "jdbc:h2:/Data/db"), "the rest is case-sensitive");
        assertTrue(matches(j, "jdbc:h2:mem:*", "jdbc:h2:mem:test"));
    }

    @Test
    void commandLines() {
        TargetSyntax c = TargetSyntax.COMMAND;
        assertTrue(matches(c, "/usr/bin/git status*", "/usr/bin/git status --short"));
        assertFalse(matches(c, "/usr/bin/git status*", "/usr/bin/git status /etc/x"), "* does not cross /");
        assertTrue(matches(c, "/usr/bin/git **", "/usr/bin/git push origin /x"));
        assertTrue(matches(c, "/usr/bin/git **", "/usr/bin/git"), "a trailing ' **' also matches no arguments");
        assertFalse(matches(c, "/usr/bin/git **", "/usr/bin/gitx"));
        assertThrows(IllegalArgumentException.class, () -> c.compile("git status", Path.of("/")));
    }

    @Test
    void exitCodes() {
        assertTrue(matches(TargetSyntax.EXIT_CODE, "1", "1"));
        assertFalse(matches(TargetSyntax.EXIT_CODE, "1", "10"));
        assertTrue(matches(TargetSyntax.EXIT_CODE, "*", "137"));
    }
}
