package dev.warden.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Host matching cannot be fooled (issue 4, item 3): each disguised URL, normalized as the agent
 * normalizes it, is decided as the host it really reaches, under an allow-list policy (only the
 * CRM) and under a deny-list policy (everything but an internal address block and a bad host).
 */
class HostMatchingTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "https://crm.example.com/api/x                  | allow",
        "HTTPS://CRM.EXAMPLE.COM/api/x                  | allow",
        "https://crm.example.com./api/x                 | allow",
        "https://crm.example.com:443/api/x              | allow",
        "https://crm.example.com/api/../api/x           | allow",
        "https://crm.example.com/other/../api/x         | allow",
        "https://crm.example.com/api/%78                | allow",
        "https://crm.example.com.evil.test/api/x        | deny",
        "https://evil.test/#@crm.example.com/api/x      | deny",
        "https://evil.test/api/x#@crm.example.com       | deny",
        "https://crm.example.com@evil.test/api/x        | deny",
        "https://crm.example.com:8443/api/x             | deny",
        "http://crm.example.com/api/x                   | deny",
        "https://crm.example.com/api/../admin           | deny",
        "https://crm.example.com/api%2F..%2Fadmin       | deny",
        "https://xcrm.example.com/api/x                 | deny",
    })
    void allowList(String url, String expected) {
        Policy p = TestPolicies.load(dir, TestPolicies.policy(
                "warden.rule.crm.actions = http.GET",
                "warden.rule.crm.targets = https://crm.example.com/api/**",
                "warden.rule.crm.effect = allow"));
        assertEquals(expected, decision(p, url), url + " is " + UrlTargets.normalize(url));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "http://169.254.169.254/latest/meta-data        | deny",
        "http://2852039166/latest/meta-data             | deny",
        "http://169.254.43518/latest/meta-data          | deny",
        "http://[::ffff:169.254.169.254]/latest         | deny",
        "http://[::ffff:a9fe:a9fe]/latest               | deny",
        // Java reads each part as decimal (no octal): 251.254.251.254, another address
        "http://0251.0376.0251.0376/latest              | allow",
        "http://EVIL.test/x                             | deny",
        "http://evil.test./x                            | deny",
        "http://a.evil.test/x                           | deny",
        "http://user@evil.test/x                        | deny",
        "http://evil.test@good.test/x                   | allow",
        "http://good.test/#@evil.test                   | allow",
        "http://evil.test.good.test/x                   | allow",
        "http://[::1]:8080/x                            | deny",
        "http://[0:0:0:0:0:0:0:1]:8080/x                | deny",
        "http://good.test/x                             | allow",
    })
    void denyList(String url, String expected) {
        Policy p = TestPolicies.load(dir, TestPolicies.policy(
                "warden.default = allow",
                "warden.rule.metadata.actions = http.*",
                "warden.rule.metadata.targets = http://169.254.169.254/**, http://[::1]:*/**",
                "warden.rule.metadata.effect = deny",
                "warden.rule.evil.actions = http.*",
                "warden.rule.evil.targets = http://evil.test/**, http://**.evil.test/**",
                "warden.rule.evil.effect = deny"));
        assertEquals(expected, decision(p, url), url + " is " + UrlTargets.normalize(url));
    }

    private static String decision(Policy p, String url) {
        return p.decide(Action.http("GET"), UrlTargets.normalize(url)).decision() == Decision.ALLOW ? "allow" : "deny";
    }
}
