package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * policy.md's {@code limit}: it counts calls, not the decisions inside one (a move is a delete and
 * a write), and only calls that go ahead (a copy refused for its destination takes nothing).
 */
class LimitCountingIT {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("dev.warden.e2e.Jdks#all")
    void aLimitCountsEachAllowedCallOnce(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy("warden.rule.kb.limit = 1/1h", "warden.rule.out.limit = 2/1h");
        String doc = ws.kb.resolve("doc.txt").toString();
        String a = ws.out.resolve("a.txt").toString();
        String b = ws.out.resolve("b.txt").toString();

        ChildJvm.Result r = ws.run(jdk,
                "copy:" + doc + ":" + ws.secret.resolve("copy.txt"), // refused: secret/ is not writable
                "fis-read:" + doc,                                    // the refused copy took no permit
                "fis-read:" + doc,                                    // over 1/1h
                "fos-write:" + a,                                     // out: 1
                "move:" + a + ":" + b,                                // out: 2 (a delete and a write, one call)
                "fis-read:" + b);                                     // over 2/1h

        List<String> out = r.stdout();
        assertTrue(out.get(0).startsWith("ERR copy:") && out.get(0).contains("file.write"), out.toString());
        assertEquals("OK fis-read:" + doc + " knowledge", out.get(1), out.toString());
        assertEquals("ERR fis-read:" + doc + " java.io.FileNotFoundException: "
                + Workspace.message("file.read", doc, "rate limit", "rule kb"), out.get(2));
        assertTrue(out.get(3).startsWith("OK fos-write:"), out.toString());
        assertTrue(out.get(4).startsWith("OK move:"), "a move is one call: " + out);
        assertEquals("ERR fis-read:" + b + " java.io.FileNotFoundException: "
                + Workspace.message("file.read", b, "rate limit", "rule out"), out.get(5));
    }
}
