package dev.warden.agent.jdbc;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** {@code Statement.clearBatch()}. */
final class ClearBatchAdvice {

    private ClearBatchAdvice() {}

    @Advice.OnMethodEnter
    static void enter(@Advice.This Object statement) {
        Gate.sqlBatch(statement, null);
    }
}
