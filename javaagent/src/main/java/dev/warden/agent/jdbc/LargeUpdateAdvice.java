package dev.warden.agent.jdbc;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** {@code executeLargeUpdate(String[, …])} and {@code executeLargeUpdate()}: rows affected. */
final class LargeUpdateAdvice {

    private LargeUpdateAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.This Object statement, @Advice.Argument(value = 0, optional = true) String sql) throws Exception {
        return Gate.sql(statement, sql, false);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.This Object statement, @Advice.Return long rows,
            @Advice.Thrown Throwable thrown) {
        Gate.sqlDone(token, statement, rows, null, thrown);
    }
}
