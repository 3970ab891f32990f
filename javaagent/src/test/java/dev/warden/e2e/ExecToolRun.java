package dev.warden.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The exec tool from test-apps/ under the real agent, with a policy. */
final class ExecToolRun extends ToolRun<ExecToolRun> {

    ExecToolRun(Path tempDir) throws IOException {
        super(tempDir, "exec-tool-test");
    }

    ChildJvm.Result run(Path jdk, List<String> jvmArgs, List<String> steps) throws Exception {
        try (ChildJvm child = ChildJvm.start(jdk, policy, jvmArgs, classpath("exec-tool"),
                "dev.warden.testapps.exectool.ExecTool", steps, root)) {
            return child.await(120);
        }
    }

    /** Starts the tool without waiting for it, for a test that acts on the running JVM. */
    ChildJvm start(Path jdk, List<String> jvmArgs, List<String> steps) throws Exception {
        return ChildJvm.start(jdk, policy, jvmArgs, classpath("exec-tool"), "dev.warden.testapps.exectool.ExecTool", steps, root);
    }

    ChildJvm.Result run(Path jdk, List<String> steps) throws Exception {
        return run(jdk, List.of(), steps);
    }

    /** Where {@code name} is found on this JVM's {@code PATH} (the child's too), every link followed. */
    static String onPath(String name) throws IOException {
        for (String dir : System.getenv("PATH").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p.toRealPath().toString();
            }
        }
        throw new IllegalStateException(name + " is not on PATH");
    }
}
