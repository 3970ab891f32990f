package dev.warden.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** policy.md "URLs": every spelling a URL can hide behind is decided as the URL it really is. */
class UrlTargetsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://crm.example.com/api/tickets?id=7#top | https://crm.example.com:443/api/tickets",
        "HTTPS://CRM.Example.COM/api                    | https://crm.example.com:443/api",
        "https://crm.example.com./api                   | https://crm.example.com:443/api",
        "https://crm.example.com.evil.test/             | https://crm.example.com.evil.test:443/",
        "https://evil.test/#@crm.example.com            | https://evil.test:443/",
        "https://crm.example.com@evil.test/             | https://evil.test:443/",
        "https://user:pw@crm.example.com/x              | https://crm.example.com:443/x",
        "http://2130706433/                             | http://127.0.0.1:80/",
        "http://127.1/                                  | http://127.0.0.1:80/",
        "http://127.0.1/                                | http://127.0.0.1:80/",
        "http://[::ffff:127.0.0.1]/                     | http://127.0.0.1:80/",
        "http://[::FFFF:7f00:1]:8080/                   | http://127.0.0.1:8080/",
        "http://[0:0:0:0:0:0:0:1]/                      | http://[::1]:80/",
        "http://[2001:DB8:0:0:1:0:0:1]/                 | http://[2001:db8::1:0:0:1]:80/",
        "http://example.com                             | http://example.com:80/",
        "http://example.com:8080/a/./b/../c             | http://example.com:8080/a/c",
        "http://example.com/%7Euser/%41%2Fb             | http://example.com:80/~user/A%2Fb",
        "http://example.com/a/%2e%2e/b                  | http://example.com:80/b",
        "http://example.com/%2E%2E/etc                  | http://example.com:80/etc",
        "HTTP://EXAMPLE.com.:80/A%2fB                   | http://example.com:80/A%2FB",
        "http://example.com:0080/                       | http://example.com:80/",
        "https://example.com:443/x#frag?q               | https://example.com:443/x",
        "http://evil.test%2F@example.com/               | http://example.com:80/",
        "http://a:b@c@example.com/                      | http://example.com:80/",
        "http://[::ffff:7f00:1]/                        | http://127.0.0.1:80/",
        "http://0177.0.0.1/                             | http://177.0.0.1:80/",
        "http://0x7f000001/                             | http://0x7f000001:80/",
    })
    // 0177.0.0.1: Java's resolver reads leading zeros as decimal (or, since 17.0.3, refuses the
    // literal), never as octal; 0x7f000001 is a host name to it. Either way the connect is
    // decided by the address it reaches (net.connect), whose deny rules always apply.
    void normalizes(String url, String expected) {
        assertEquals(expected, UrlTargets.normalize(url));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"not a url", "/relative/path", "mailto:someone@example.com"})
    void refusesWhatIsNoAbsoluteUrlWithAHost(String url) {
        assertThrows(IllegalArgumentException.class, () -> UrlTargets.normalize(url));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"normalizing twice changes nothing|https://CRM.example.com./a/../b?x#y"})
    void isIdempotent(String name) {
        String once = UrlTargets.normalize("https://CRM.example.com./a/../b?x#y");
        assertEquals(once, UrlTargets.normalize(once));
    }
}
