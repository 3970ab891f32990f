package dev.warden.agent.jdbc;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** {@code ResultSet.next()}: counts rows; the row past {@code max-rows} throws the denial instead. */
final class NextAdvice {

    private NextAdvice() {}

    @Advice.OnMethodExit
    static void exit(@Advice.This Object resultSet, @Advice.Return boolean more) throws Exception {
        Gate.sqlRow(resultSet, more);
    }
}
