package dev.warden.agent.jdbc;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** {@code executeQuery(String)} and a prepared statement's {@code executeQuery()}. */
final class QueryAdvice {

    private QueryAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.This Object statement, @Advice.Argument(value = 0, optional = true) String sql) throws Exception {
        return Gate.sql(statement, sql, false);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.This Object statement, @Advice.Return Object resultSet,
            @Advice.Thrown Throwable thrown) {
        Gate.sqlDone(token, statement, -1L, resultSet, thrown);
    }
}
