package dev.warden.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * policy.md "URLs" over thousands of random URLs built from the spellings that hide a target
 * (case, user info, IP literal forms, ports, dot segments, percent-encoding, fragments):
 * normalizing never throws anything but the {@code IllegalArgumentException} of "not a URL", and
 * a normalized URL normalizes to itself. The seed is random and printed with any failure; set
 * {@code -Dwarden.test.seed=N} to replay it.
 *
 * <p>Plain JUnit rather than jqwik: jqwik's author asks that AI coding agents, which wrote this
 * test, not use it (its 1.10 "Anti-AI Usage Clause").
 */
class UrlNormalizationPropertiesTest {

    private static final String[] SCHEMES = {"http", "https", "HTTP", "HtTpS", "ftp", ""};
    private static final String[] USERINFO = {"", "user@", "u:p@", "a%40b@", "x@y@", "@"};
    private static final String[] HOSTS = {"127.1", "2130706433", "0x7f000001", "[::1]", "[::ffff:127.0.0.1]",
        "[2001:DB8::1]", "example.com.", "EXAMPLE.com", "10.0.0.256", "1.2.3.4.5", "[::ffff:7f00:1]", "", "[", "a..b"};
    private static final String[] PORTS = {"", ":80", ":443", ":0080", ":8080", ":", ":99999", ":-1", ":x"};
    private static final String[] TAILS = {"", "?q=1", "#frag", "?a#b", "#@evil.test", "?", "#"};
    private static final String PATH_CHARS = "/.%2eEfF41aZ~-_;=@:?#[]\\ é";

    @Test
    void normalizingIsIdempotentAndOnlyRefusesWhatIsNoUrl() {
        long seed = Long.getLong("warden.test.seed", new Random().nextLong());
        Random random = new Random(seed);
        for (int i = 0; i < 5000; i++) {
            String url = pick(random, SCHEMES) + "://" + pick(random, USERINFO) + host(random) + pick(random, PORTS)
                    + text(random, PATH_CHARS, 30) + pick(random, TAILS);
            String once;
            try {
                once = UrlTargets.normalize(url);
            } catch (IllegalArgumentException notAUrl) {
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + url + " threw " + e, e);
            }
            assertEquals(once, UrlTargets.normalize(once), "seed " + seed + ": " + url);
        }
    }

    @Test
    void arbitraryTextOnlyEverThrowsNotAUrl() {
        long seed = Long.getLong("warden.test.seed", new Random().nextLong());
        Random random = new Random(seed);
        for (int i = 0; i < 5000; i++) {
            String text = text(random, "hts:/.@[]%0123456789abcdefx?#:\u0000\u00e9\uffff", 40);
            try {
                UrlTargets.normalize(text);
            } catch (IllegalArgumentException notAUrl) {
                // the one answer for what is not an absolute URL with a host
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + text + " threw " + e, e);
            }
        }
    }

    private static String host(Random r) {
        return r.nextBoolean() ? pick(r, HOSTS) : text(r, "abcXYZ019-.", 1 + r.nextInt(20));
    }

    static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }

    static String text(Random r, String alphabet, int maxLength) {
        int n = r.nextInt(maxLength + 1);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
