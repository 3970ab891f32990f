package dev.warden.cli;

import dev.warden.agent.audit.ControlMessage;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code warden reject ID --dir D [--by NAME]}: the waiting call fails with reason {@code rejected by NAME}. */
@Command(name = "reject", mixinStandardHelpOptions = true,
        description = "Rejects a pending request: the waiting call fails with reason 'rejected by NAME'.")
final class RejectCommand extends ApprovalCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException {
        return answer(ControlMessage.Kind.REJECT, "rejected");
    }
}
