package dev.warden.agent.jdbc;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** {@code Connection.prepareStatement/prepareCall(String, …)}: the SQL is analysed once, here; decided at each execute. */
final class PrepareAdvice {

    private PrepareAdvice() {}

    @Advice.OnMethodExit
    static void exit(@Advice.This Object connection, @Advice.Argument(0) String sql, @Advice.Return Object statement) {
        Gate.sqlStatementCreated(connection, statement, sql);
    }
}
