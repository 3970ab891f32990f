package dev.warden.agent.jdbc;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** {@code executeBatch()}/{@code executeLargeBatch()}: every statement of the batch decided before any runs. */
final class BatchAdvice {

    private BatchAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.This Object statement) throws Exception {
        return Gate.sql(statement, null, true);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.This Object statement, @Advice.Return Object counts,
            @Advice.Thrown Throwable thrown) {
        Gate.sqlDone(token, statement, Gate.sqlBatchRows(counts), null, thrown);
    }
}
