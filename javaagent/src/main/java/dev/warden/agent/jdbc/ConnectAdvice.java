package dev.warden.agent.jdbc;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** {@code Driver.connect(String, Properties)}: {@code sql.connect}, decided before the driver connects. */
final class ConnectAdvice {

    private ConnectAdvice() {}

    @Advice.OnMethodEnter
    static long enter(@Advice.This Object driver, @Advice.Argument(0) String url) throws Exception {
        return Gate.sqlConnect(driver, url);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter long token, @Advice.This Object driver, @Advice.Return Object connection,
            @Advice.Thrown Throwable thrown) throws Exception {
        Gate.sqlConnected(token, driver, connection, thrown);
    }
}
