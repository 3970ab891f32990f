package dev.warden.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A program from test-apps/ run under the real agent with a policy of its own, in a scratch directory. */
abstract class ToolRun<T extends ToolRun<T>> {

    final Path root;
    final Path audit;
    final Path policy;
    private final String agentId;

    ToolRun(Path tempDir, String agentId) throws IOException {
        this.root = tempDir.toRealPath();
        this.audit = root.resolve("audit");
        this.policy = root.resolve("warden.properties");
        this.agentId = agentId;
    }

    /** Writes the policy: agent id, audit dir, then {@code lines}. */
    @SuppressWarnings("unchecked")
    T policy(String... lines) throws IOException {
        List<String> all = new ArrayList<>(List.of("warden.agent.id = " + agentId, "warden.audit.dir = " + audit));
        all.addAll(Arrays.asList(lines));
        Files.write(policy, all);
        return (T) this;
    }

    /** {@code target/<app>.jar:target/lib/*} of the test app {@code app}, built by `mvn verify`. */
    static String classpath(String app) {
        Path dir = ChildJvm.TEST_APPS.resolve(app).resolve("target");
        if (!Files.exists(dir.resolve(app + ".jar"))) {
            throw new IllegalStateException(dir + " has no " + app + ".jar: build test-apps first (mvn verify builds everything)");
        }
        return dir.resolve(app + ".jar") + java.io.File.pathSeparator + dir.resolve("lib") + "/*";
    }

    AuditTrail trail(Path jdk) throws Exception {
        return AuditTrail.export(jdk, audit);
    }
}
