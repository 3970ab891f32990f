package dev.warden.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The mail tool from test-apps/ (Jakarta Mail and Spring, or its javax.mail build) under the real agent, with a policy. */
final class MailToolRun extends ToolRun<MailToolRun> {

    MailToolRun(Path tempDir) throws IOException {
        super(tempDir, "mail-tool-test");
    }

    /** Steps through {@code javax.mail} run in {@code javax-mail-tool}, the others in {@code mail-tool}. */
    ChildJvm.Result run(Path jdk, String api, int smtpPort, List<String> steps) throws Exception {
        List<String> args = new ArrayList<>(List.of("smtp=127.0.0.1:" + smtpPort));
        args.addAll(steps);
        String cp = classpath(api.equals("javax") ? "javax-mail-tool" : "mail-tool");
        try (ChildJvm child = ChildJvm.start(jdk, policy, List.of(), cp, "dev.warden.testapps.mailtool.MailTool", args, root)) {
            return child.await(180);
        }
    }
}
