package dev.warden.cli;

import dev.warden.agent.audit.TrailVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code warden audit verify --dir D}: walks the trail's hash chains; exit 1 naming the first
 * broken record (altered, removed or moved), exit 0 with each session's last hash when intact.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Checks the trail's hash chain; exit 1 naming the first broken record.")
final class AuditVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The audit directory (warden.audit.dir).")
    Path dir;

    @Override
    public Integer call() {
        TrailVerifier.Result result;
        try {
            result = TrailVerifier.verify(dir);
        } catch (IOException e) {
            throw new UsageError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (result.broken != null) {
            spec.commandLine().getErr().println("audit trail " + dir + " is broken at " + result.broken);
            spec.commandLine().getErr().flush();
            return ExitCodes.FINDING;
        }
        out.println("audit trail " + dir + " is intact: " + result.excerpts + " records in " + result.sessions + " sessions");
        for (Map.Entry<Long, String> head : result.heads.entrySet()) {
            out.println("  session " + Long.toHexString(head.getKey()) + " ends in hash " + head.getValue());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
