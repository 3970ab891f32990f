package dev.warden.agent.jdbc;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** {@code executeUpdate(String[, …])} and a prepared statement's {@code executeUpdate()}: rows affected. */
final class UpdateAdvice {

    private UpdateAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.This Object statement, @Advice.Argument(value = 0, optional = true) String sql) throws Exception {
        return Gate.sql(statement, sql, false);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.This Object statement, @Advice.Return int rows,
            @Advice.Thrown Throwable thrown) {
        Gate.sqlDone(token, statement, rows, null, thrown);
    }
}
