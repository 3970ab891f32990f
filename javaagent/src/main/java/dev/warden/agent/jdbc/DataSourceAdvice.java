package dev.warden.agent.jdbc;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/**
 * {@code DataSource.getConnection()} and {@code (user, password)}: {@code sql.connect}, decided
 * before connecting when the data source tells its URL, else by the connection it returns.
 */
final class DataSourceAdvice {

    private DataSourceAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.This Object dataSource) throws Exception {
        return Gate.sqlConnect(dataSource, null);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.This Object dataSource, @Advice.Return Object connection,
            @Advice.Thrown Throwable thrown) throws Exception {
        Gate.sqlConnected(token, dataSource, connection, thrown);
    }
}
