package dev.warden.agent.file;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * NIO opens: the {@code Set<OpenOption>} is first replaced by the copy the JDK will use (see
 * {@link Gate#openOptions}), then decided. Deciding on one object while the JDK iterates another
 * would let an application's own {@code Set} answer differently to each.
 */
final class NioOpenAdvice {

    private NioOpenAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Op int op, @Api int api, @Advice.Argument(0) Object path,
            @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object options)
            throws Exception {
        options = Gate.openOptions(options);
        return Gate.file(op, path, null, options, api);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.Thrown Throwable thrown) {
        Gate.exit(token, thrown);
    }
}
