package dev.warden.agent.http.okhttp;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/**
 * OkHttp 5's {@code okhttp3.internal.connection.ConnectPlan.connectSocket()}: with fast fallback
 * OkHttp 5 races connects on its {@code TaskRunner} threads, away from the call's thread; the plan
 * belongs to a call whose hop was decided, so its connect is part of that request.
 */
final class ConnectPlanAdvice {

    private ConnectPlanAdvice() {}

    @Advice.OnMethodEnter
    static void enter() {
        Gate.enterDecided();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit() {
        Gate.leaveDecided();
    }
}
