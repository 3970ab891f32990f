package dev.warden.agent.jdbc;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/**
 * {@code execute(String[, …])} and a prepared statement's {@code execute()}: when it returns true
 * the result set comes from {@code getResultSet}, and the query's record waits for it.
 */
final class ExecuteAdvice {

    private ExecuteAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.This Object statement, @Advice.Argument(value = 0, optional = true) String sql) throws Exception {
        return Gate.sql(statement, sql, false);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.This Object statement, @Advice.Return boolean hasResultSet,
            @Advice.Thrown Throwable thrown) {
        Gate.sqlDone(token, statement, hasResultSet ? -2L : -1L, null, thrown);
    }
}
