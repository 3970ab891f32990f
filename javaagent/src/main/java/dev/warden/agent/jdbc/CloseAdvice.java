package dev.warden.agent.jdbc;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** {@code Statement.close()}, {@code ResultSet.close()}: a query still waiting for its rows is recorded. */
final class CloseAdvice {

    private CloseAdvice() {}

    @Advice.OnMethodEnter
    static void enter(@Advice.This Object statementOrResultSet) {
        Gate.sqlClosed(statementOrResultSet);
    }
}
