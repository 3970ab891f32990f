package dev.warden.agent.jdbc;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;

/** {@code Connection.setSchema/setCatalog}: the current schema is read again before the next unqualified table. */
final class SchemaAdvice {

    private SchemaAdvice() {}

    @Advice.OnMethodExit
    static void exit(@Advice.This Object connection) {
        Gate.sqlSchemaChanged(connection);
    }
}
