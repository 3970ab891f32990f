package dev.warden.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code policy replay NEW_FILE --dir D}: the recorded decisions a new policy would change. */
class PolicyReplayIT {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("dev.warden.e2e.Jdks#all")
    void printsEveryDecisionThatWouldChangeAndNothingElse(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        String doc = ws.kb.resolve("doc.txt").toString();
        String key = ws.secret.resolve("key.txt").toString();
        String report = ws.out.resolve("report.txt").toString();
        ChildJvm.Result run = ws.run(jdk, "fis-read:" + doc, "fis-read:" + key, "fos-write:" + report);
        assertTrue(run.line("ERR fis-read:" + key).contains("Warden denied"), run.stdout().toString());

        ChildJvm.Result same = ChildJvm.cli(jdk, "policy", "replay", ws.policy.toString(), "--dir", ws.audit.toString());
        assertEquals(0, same.exitCode(), same.stdout() + " " + same.stderr());
        assertTrue(same.stdout().get(same.stdout().size() - 1).startsWith("0 of "), same.stdout().toString());

        // The new policy opens secret/ and closes out/ to writes.
        Path next = ws.root.resolve("next.properties");
        Files.writeString(next, Files.readString(ws.policy).replace("file.read, file.write, file.delete", "file.read")
                + "warden.rule.secret.actions = file.read\nwarden.rule.secret.targets = " + ws.secret + "/**\n"
                + "warden.rule.secret.effect = allow\n");
        ChildJvm.Result r = ChildJvm.cli(jdk, "policy", "replay", next.toString(), "--dir", ws.audit.toString());

        assertEquals(1, r.exitCode(), "a change is a finding: " + r.stdout() + " " + r.stderr());
        List<String> changes = r.stdout().subList(0, r.stdout().size() - 1);
        assertEquals(2, changes.size(), r.stdout().toString());
        assertTrue(changes.stream().anyMatch(l -> l.contains("  file.read " + key + "  deny (default) -> allow (secret)")),
                r.stdout().toString());
        assertTrue(changes.stream().anyMatch(l -> l.contains("  file.write " + report + "  allow (out) -> deny (default)  \"no rule allows this\"")),
                r.stdout().toString());
        assertTrue(changes.stream().noneMatch(l -> l.contains(doc)), "an unchanged decision is not printed");
        String summary = r.stdout().get(r.stdout().size() - 1);
        assertTrue(summary.startsWith("2 of ") && summary.contains(" decisions would change under " + next), summary);
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("dev.warden.e2e.Jdks#all")
    void anInvalidNewPolicyIsAFindingWithItsLines(Path jdk) throws Exception {
        Workspace ws = new Workspace(temp).policy();
        ws.run(jdk, "fis-read:" + ws.kb.resolve("doc.txt"));
        Path bad = ws.root.resolve("bad.properties");
        Files.writeString(bad, Files.readString(ws.policy) + "warden.rule.kb.hours = Mon-Fri 25:00-18:00\n");
        ChildJvm.Result r = ChildJvm.cli(jdk, "policy", "replay", bad.toString(), "--dir", ws.audit.toString());
        assertEquals(1, r.exitCode());
        assertTrue(String.join("\n", r.stderr()).contains(bad + ":9: warden.rule.kb.hours: bad hours window"), r.stderr().toString());
    }
}
