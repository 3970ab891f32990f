package dev.warden.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trail read while another process appends, and what survives when that process is killed with SIGKILL. */
class CrossProcessTrailTest {

    private static final int COUNT = 500;

    @TempDir
    Path temp;

    @Test
    void recordsAreReadableWhileAppendingAndSurviveKill9() throws Exception {
        Path dir = temp.resolve("audit");
        Process writer = startWriter(dir);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertEquals("appended " + COUNT, line, "the writer's first line");

            List<AuditRecord> whileAppending = Trails.readAll(dir);
            assertTrue(whileAppending.size() >= COUNT, whileAppending.size() + " records");

            writer.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no close()
            assertTrue(writer.waitFor(10, TimeUnit.SECONDS));

            List<AuditRecord> afterKill = Trails.readAll(dir);
            assertTrue(afterKill.size() >= whileAppending.size());
            for (int i = 0; i < afterKill.size(); i++) {
                assertEquals("/data/" + i, afterKill.get(i).targets[0]);
            }
        } finally {
            writer.destroyForcibly();
        }
    }

    private static Process startWriter(Path dir) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String p : new String[] {"java.lang", "java.lang.reflect", "java.nio", "java.io", "java.util"}) {
            command.add("--add-opens=java.base/" + p + "=ALL-UNNAMED");
        }
        for (String p : new String[] {"sun.nio.ch", "jdk.internal.ref", "jdk.internal.misc"}) {
            command.add("--add-exports=java.base/" + p + "=ALL-UNNAMED");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TrailWriterMain.class.getName());
        command.add(dir.toString());
        command.add(String.valueOf(COUNT));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
