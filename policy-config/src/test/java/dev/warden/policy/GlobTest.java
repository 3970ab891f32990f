package dev.warden.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {

    private static boolean path(String pattern, String target) {
        return Glob.compile(pattern, '/', false).matches(target);
    }

    private static boolean host(String pattern, String target) {
        return Glob.compile(pattern, '.', true).matches(target);
    }

    @Test
    void starStaysWithinOneSegment() {
        assertTrue(path("/srv/*/x", "/srv/a/x"));
        assertTrue(path("/srv/*.txt", "/srv/notes.txt"));
        assertTrue(path("/srv/a*", "/srv/a"), "* matches nothing too");
        assertFalse(path("/srv/*/x", "/srv/a/b/x"));
        assertFalse(path("/srv/*", "/srv/a/b"));
    }

    @Test
    void doubleStarCrossesSegments() {
        assertTrue(path("/srv/**/x", "/srv/a/b/x"));
        assertTrue(path("/srv/**/x", "/srv/x"), "/**/ also matches a single separator");
        assertTrue(path("/srv/**.log", "/srv/a/b/c.log"));
        assertFalse(path("/srv/**/x", "/srvx"));
        assertTrue(path("**", "/anything/at/all"));
    }

    @Test
    void trailingDoubleStarAlsoMatchesTheDirectoryItself() {
        assertTrue(path("/srv/kb/**", "/srv/kb"));
        assertTrue(path("/srv/kb/**", "/srv/kb/a/b.md"));
        assertFalse(path("/srv/kb/**", "/srv/kbx"));
        assertFalse(path("/srv/kb/**", "/srv"));
        assertTrue(path("/**", "/"));
    }

    @Test
    void questionMarkIsOneCharacterButNotTheSeparator() {
        assertTrue(path("/tmp/?.txt", "/tmp/a.txt"));
        assertFalse(path("/tmp/?.txt", "/tmp/ab.txt"));
        assertFalse(path("/tmp?x", "/tmp/x"));
    }

    @Test
    void hostSegmentsAreSeparatedByDots() {
        assertTrue(host("*.example.com", "a.example.com"));
        assertFalse(host("*.example.com", "a.b.example.com"));
        assertTrue(host("**.example.com", "a.b.example.com"));
        assertTrue(host("**.example.com", "a.example.com"));
        assertFalse(host("**.example.com", "example.com"));
        assertTrue(host("*.EXAMPLE.com", "A.example.COM"), "hosts are case-insensitive");
    }

    @Test
    void pathsAreCaseSensitive() {
        assertFalse(path("/Srv/**", "/srv/x"));
    }

    @Test
    void backslashEscapesAWildcard() {
        assertTrue(path("/tmp/a\\*b", "/tmp/a*b"));
        assertFalse(path("/tmp/a\\*b", "/tmp/axb"));
        assertTrue(Glob.compile(Glob.escape("/odd/[*?]"), '/', false).matches("/odd/[*?]"));
    }

    @Test
    void matchesARegionOfTheTarget() {
        Glob g = Glob.compile("/api/**", '/', false);
        String url = "https://h:443/api/v1";
        assertTrue(g.matches(url, url.indexOf("/api"), url.length()));
        assertFalse(g.matches(url, 0, url.length()));
    }

    @Test
    void manyStarsDoNotBlowUp() {
        String target = "/" + "a/".repeat(40) + "b";
        assertFalse(path("/**/**/**/**/**/**/c", target));
        assertFalse(path("/*a*a*a*a*a*a*a*a*c", "/" + "a".repeat(30) + "b"));
    }
}
