package dev.warden.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The mail tool from test-apps/ (Jakarta Mail and Spring, or its javax.mail build) under the real agent, with a policy. */
final class MailToolRun {

    final Path root;
    final Path audit;
    final Path policy;

    MailToolRun(Path tempDir) throws IOException {
        root = tempDir.toRealPath();
        audit = root.resolve("audit");
        policy = root.resolve("warden.properties");
    }

    /** Writes the policy: agent id, audit dir, then {@code lines}. */
    MailToolRun policy(String... lines) throws IOException {
        List<String> all = new ArrayList<>(List.of("warden.agent.id = mail-tool-test", "warden.audit.dir = " + audit));
        all.addAll(Arrays.asList(lines));
        Files.write(policy, all);
        return this;
    }

    /** {@code javax-mail-tool} for steps through {@code javax.mail}, else {@code mail-tool}. */
    static String classpath(String api) {
        String app = api.equals("javax") ? "javax-mail-tool" : "mail-tool";
        Path dir = ChildJvm.TEST_APPS.resolve(app).resolve("target");
        if (!Files.exists(dir.resolve(app + ".jar"))) {
            throw new IllegalStateException(dir + " has no " + app + ".jar: build test-apps first (mvn verify builds everything)");
        }
        return dir.resolve(app + ".jar") + java.io.File.pathSeparator + dir.resolve("lib") + "/*";
    }

    ChildJvm.Result run(Path jdk, String api, int smtpPort, List<String> steps) throws Exception {
        List<String> args = new ArrayList<>(List.of("smtp=127.0.0.1:" + smtpPort));
        args.addAll(steps);
        try (ChildJvm child = ChildJvm.start(jdk, policy, List.of(), classpath(api), "dev.warden.testapps.mailtool.MailTool", args, root)) {
            return child.await(180);
        }
    }

    AuditTrail trail(Path jdk) throws Exception {
        return AuditTrail.export(jdk, audit);
    }
}
