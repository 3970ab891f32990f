package dev.warden.agent.jdbc;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** {@code Connection.createStatement(…)}: the statement learns its connection. */
final class CreateStatementAdvice {

    private CreateStatementAdvice() {}

    @Advice.OnMethodExit
    static void exit(@Advice.This Object connection, @Advice.Return Object statement) {
        Gate.sqlStatementCreated(connection, statement, null);
    }
}
