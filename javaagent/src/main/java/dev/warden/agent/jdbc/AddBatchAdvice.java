package dev.warden.agent.jdbc;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** {@code Statement.addBatch(String)}: the text joins the batch decided at {@code executeBatch}. */
final class AddBatchAdvice {

    private AddBatchAdvice() {}

    @Advice.OnMethodEnter
    static void enter(@Advice.This Object statement, @Advice.Argument(0) String sql) {
        Gate.sqlBatch(statement, sql);
    }
}
