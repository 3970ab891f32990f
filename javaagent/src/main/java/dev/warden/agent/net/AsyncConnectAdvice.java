package dev.warden.agent.net;

import dev.warden.bootstrap.Gate;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * {@code AsynchronousSocketChannel.connect}: both forms funnel into {@code implConnect(remote,
 * attachment, handler)}. A denied connect is reported the way the API reports a failed one:
 * through the returned {@code Future}, or the handler's {@code failed}, never by a throw the API
 * does not declare.
 */
final class AsyncConnectAdvice {

    private AsyncConnectAdvice() {}

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static Throwable enter(@Advice.Argument(0) Object remote, @Advice.Local("token") long token) {
        Throwable denial = Gate.connectOrDenial(remote, true);
        token = Gate.lastToken();
        return denial;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter Throwable denial, @Advice.Local("token") long token,
            @Advice.Argument(1) Object attachment, @Advice.Argument(2) CompletionHandler handler,
            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result,
            @Advice.Thrown Throwable thrown) {
        if (denial != null) {
            if (handler == null) {
                result = CompletableFuture.failedFuture(denial);
            } else {
                handler.failed(denial, attachment);
                result = null;
            }
        } else {
            Gate.exit(token, thrown);
        }
    }
}
