package dev.warden.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The SQL tool from test-apps/ under the real agent, with a policy. */
final class SqlToolRun {

    final Path root;
    final Path audit;
    final Path policy;

    SqlToolRun(Path dir) {
        root = dir;
        audit = root.resolve("audit");
        policy = root.resolve("warden.properties");
    }

    /** Writes the policy: agent id, audit dir, then {@code lines}. */
    SqlToolRun policy(String... lines) throws IOException {
        List<String> all = new ArrayList<>(List.of("warden.agent.id = sql-tool-test", "warden.audit.dir = " + audit));
        all.addAll(Arrays.asList(lines));
        Files.write(policy, all);
        return this;
    }

    static String classpath() {
        Path dir = ChildJvm.TEST_APPS.resolve("sql-tool").resolve("target");
        if (!Files.exists(dir.resolve("sql-tool.jar"))) {
            throw new IllegalStateException(dir + " has no sql-tool.jar: build test-apps first (mvn verify builds everything)");
        }
        return dir.resolve("sql-tool.jar") + java.io.File.pathSeparator + dir.resolve("lib") + "/*";
    }

    ChildJvm.Result run(Path jdk, List<String> steps) throws Exception {
        try (ChildJvm child = ChildJvm.start(jdk, policy, List.of(), classpath(), "dev.warden.testapps.sqltool.SqlTool", steps, root)) {
            return child.await(180);
        }
    }

    AuditTrail trail(Path jdk) throws Exception {
        return AuditTrail.export(jdk, audit);
    }
}
