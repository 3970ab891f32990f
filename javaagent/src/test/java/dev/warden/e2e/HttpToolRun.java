package dev.warden.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The HTTP tool from test-apps/ (OkHttp 4 build, or the OkHttp 5 one) under the real agent, with a policy. */
final class HttpToolRun extends ToolRun<HttpToolRun> {

    HttpToolRun(Path tempDir) throws IOException {
        super(tempDir, "http-tool-test");
    }

    static String classpath(boolean okhttp5) {
        return classpath(okhttp5 ? "okhttp5-tool" : "http-tool");
    }

    ChildJvm.Result run(Path jdk, boolean okhttp5, List<String> jvmArgs, List<String> steps) throws Exception {
        List<String> args = new ArrayList<>(jvmArgs);
        try (ChildJvm child = ChildJvm.start(jdk, policy, args, classpath(okhttp5), "dev.warden.testapps.httptool.HttpTool", steps, root)) {
            return child.await(180);
        }
    }
}
