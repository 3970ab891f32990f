package dev.warden.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A scratch directory tree for one end-to-end test: {@code kb/} (an agent's knowledge base, readable),
 * {@code out/} (its output, writable), {@code secret/} (nothing allowed) and {@code audit/}.
 */
final class Workspace {

    final Path root;
    final Path kb;
    final Path out;
    final Path secret;
    final Path audit;
    final Path policy;

    Workspace(Path tempDir) throws IOException {
        root = tempDir.toRealPath();
        kb = Files.createDirectories(root.resolve("kb"));
        out = Files.createDirectories(root.resolve("out"));
        secret = Files.createDirectories(root.resolve("secret"));
        audit = root.resolve("audit");
        policy = root.resolve("warden.properties");
        Files.writeString(kb.resolve("doc.txt"), "knowledge\n");
        Files.writeString(secret.resolve("key.txt"), "top secret\n");
    }

    /** The standard policy: read kb, read and write out, deny by default; plus extra lines. */
    Workspace policy(String... extraLines) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "warden.agent.id = file-tool-test",
                "warden.audit.dir = " + audit,
                "warden.rule.kb.actions = file.read",
                "warden.rule.kb.targets = " + kb + "/**",
                "warden.rule.kb.effect = allow",
                "warden.rule.out.actions = file.read, file.write, file.delete",
                "warden.rule.out.targets = " + out + "/**",
                "warden.rule.out.effect = allow"));
        lines.addAll(Arrays.asList(extraLines));
        Files.write(policy, lines);
        return this;
    }

    /** Edits the policy written by {@link #policy}: replaces {@code text} by {@code with}. */
    Workspace policyReplace(String text, String with) throws IOException {
        Files.writeString(policy, Files.readString(policy).replace(text, with));
        return this;
    }

    ChildJvm.Result run(Path jdk, String... steps) throws Exception {
        try (ChildJvm child = start(jdk, List.of(), steps)) {
            return child.await(120);
        }
    }

    ChildJvm start(Path jdk, List<String> jvmArgs, String... steps) throws IOException {
        return ChildJvm.start(jdk, policy, jvmArgs, ChildJvm.fileToolClasspath(),
                "dev.warden.testapps.filetool.FileTool", List.of(steps), root);
    }

    AuditTrail trail(Path jdk) throws Exception {
        return AuditTrail.export(jdk, audit);
    }

    static String message(String action, String target, String reason, String cause) {
        return "Warden denied " + action + " " + target + ": " + reason + " (" + cause + ")";
    }
}
