package dev.warden.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PropertiesReaderTest {

    private final Problems problems = new Problems("p.properties");

    private List<PropertiesReader.Line> read(String text) {
        return PropertiesReader.read(text, problems);
    }

    @Test
    void commentsBlankLinesAndTheThreeSeparators() {
        List<PropertiesReader.Line> lines = read("# comment\n! also a comment\n\n   \na = 1\nb:2\nc 3\nd\t=\t4\n  e=\n");
        assertEquals(List.of(
                new PropertiesReader.Line("a", "1", 5),
                new PropertiesReader.Line("b", "2", 6),
                new PropertiesReader.Line("c", "3", 7),
                new PropertiesReader.Line("d", "4", 8),
                new PropertiesReader.Line("e", "", 9)), lines);
        assertEquals(0, problems.count());
    }

    @Test
    void continuationLinesKeepTheLineWhereThePropertyStarts() {
        List<PropertiesReader.Line> lines = read("x = 1\nlist = a, \\\n       b, \\\n       c\ny = 2\r\nz = 3\r");
        assertEquals(new PropertiesReader.Line("list", "a, b, c", 2), lines.get(1));
        assertEquals(new PropertiesReader.Line("y", "2", 5), lines.get(2));
        assertEquals(new PropertiesReader.Line("z", "3", 6), lines.get(3));
    }

    @Test
    void anEvenNumberOfBackslashesDoesNotContinue() {
        List<PropertiesReader.Line> lines = read("path = C:\\\\\nnext = 1\n");
        assertEquals("C:\\", lines.get(0).value());
        assertEquals(new PropertiesReader.Line("next", "1", 2), lines.get(1));
    }

    @Test
    void escapesInKeysAndValues() {
        List<PropertiesReader.Line> lines = read("my\\ key\\=x = caf\\u00e9\\ttab\\n\\:\\\\ \n");
        assertEquals("my key=x", lines.get(0).key());
        assertEquals("caf\u00e9\ttab\n:\\", lines.get(0).value());
    }

    @Test
    void trailingWhitespaceIsTrimmedUnlessEscaped() {
        assertEquals("v", read("k = v  \t\n").get(0).value());
        assertEquals("v ", read("k = v\\ \n").get(0).value());
    }

    @Test
    void aMalformedUnicodeEscapeIsAnErrorOnItsLine() {
        List<PropertiesReader.Line> lines = read("a = 1\nb = \\u00zz\n");
        assertEquals(1, lines.size());
        assertEquals(1, problems.count());
        PolicyException e = org.junit.jupiter.api.Assertions.assertThrows(PolicyException.class, problems::throwIfAny);
        assertEquals(2, e.errors().get(0).line());
        assertEquals("p.properties:2: malformed \\u escape '\\u00zz': four hex digits must follow \\u",
                e.errors().get(0).toString());
    }

    @Test
    void aCommentIsACommentOnlyAtTheStartOfALine() {
        assertEquals("enforce # not a comment", read("k = enforce # not a comment\n").get(0).value());
    }
}
