package dev.warden.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The HTTP tool from test-apps/ (OkHttp 4 build, or the OkHttp 5 one) under the real agent, with a policy. */
final class HttpToolRun {

    final Path root;
    final Path audit;
    final Path policy;

    HttpToolRun(Path tempDir) throws IOException {
        root = tempDir.toRealPath();
        audit = root.resolve("audit");
        policy = root.resolve("warden.properties");
    }

    /** Writes the policy: agent id, audit dir, then {@code lines}. */
    HttpToolRun policy(String... lines) throws IOException {
        List<String> all = new ArrayList<>(List.of("warden.agent.id = http-tool-test", "warden.audit.dir = " + audit));
        all.addAll(Arrays.asList(lines));
        Files.write(policy, all);
        return this;
    }

    static String classpath(boolean okhttp5) {
        String app = okhttp5 ? "okhttp5-tool" : "http-tool";
        Path dir = ChildJvm.TEST_APPS.resolve(app).resolve("target");
        if (!Files.exists(dir.resolve(app + ".jar"))) {
            throw new IllegalStateException(dir + " has no " + app + ".jar: build test-apps first (mvn verify builds everything)");
        }
        return dir.resolve(app + ".jar") + java.io.File.pathSeparator + dir.resolve("lib") + "/*";
    }

    ChildJvm.Result run(Path jdk, boolean okhttp5, List<String> jvmArgs, List<String> steps) throws Exception {
        List<String> args = new ArrayList<>(jvmArgs);
        try (ChildJvm child = ChildJvm.start(jdk, policy, args, classpath(okhttp5), "dev.warden.testapps.httptool.HttpTool", steps, root)) {
            return child.await(180);
        }
    }

    AuditTrail trail(Path jdk) throws Exception {
        return AuditTrail.export(jdk, audit);
    }
}
