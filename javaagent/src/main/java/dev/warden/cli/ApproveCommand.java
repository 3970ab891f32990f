package dev.warden.cli;

import dev.warden.agent.audit.ControlMessage;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code warden approve ID --dir D [--by NAME]}: the waiting call proceeds. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approves a pending request: the waiting call proceeds.")
final class ApproveCommand extends ApprovalCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException {
        return answer(ControlMessage.Kind.APPROVE, "approved");
    }
}
