package dev.warden.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code test-apps/workflow-tool} (SQL on H2, mail, HTTP POST in one process) under the real agent. */
final class WorkflowToolRun extends ToolRun<WorkflowToolRun> {

    WorkflowToolRun(Path tempDir) throws IOException {
        super(tempDir, "workflow-tool-test");
    }

    ChildJvm.Result run(Path jdk, List<String> jvmArgs, String... steps) throws Exception {
        try (ChildJvm child = ChildJvm.start(jdk, policy, jvmArgs, classpath("workflow-tool"),
                "dev.warden.testapps.workflowtool.WorkflowTool", List.of(steps), root)) {
            return child.await(180);
        }
    }
}
