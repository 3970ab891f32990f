package dev.warden.agent.jdbc;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** {@code Statement.getResultSet()}: the result of an {@code execute} whose record waits for its rows. */
final class GetResultSetAdvice {

    private GetResultSetAdvice() {}

    @Advice.OnMethodExit
    static void exit(@Advice.This Object statement, @Advice.Return Object resultSet) {
        Gate.sqlResultSet(statement, resultSet);
    }
}
