package dev.warden.agent.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every JDBC driver, pool and wrapper, by the {@code java.sql} interfaces its classes implement —
 * never by driver class names: {@code Driver.connect} and {@code DataSource.getConnection}
 * ({@code sql.connect}; {@code DriverManager.getConnection} ends in {@code Driver.connect});
 * {@code Connection.createStatement/prepareStatement/prepareCall} (a prepared statement is
 * analysed once, here), {@code setSchema/setCatalog}; {@code Statement.execute*} in every overload,
 * {@code addBatch(String)}, {@code clearBatch}, {@code executeBatch/executeLargeBatch},
 * {@code getResultSet}, {@code close}; {@code ResultSet.next} and {@code close} (rows read,
 * {@code max-rows}). {@code Connection.nativeSQL} only translates text: it is not an action.
 *
 * <p>These classes are found by {@code dev.warden.agent.startup.JdbcCandidates} as they load, and
 * get the {@link dev.warden.bootstrap.JdbcState} field.
 */
public final class JdbcInstrumentation {

    private JdbcInstrumentation() {}

    private static ElementMatcher.Junction<TypeDescription> implementing(String type) {
        return not(isInterface()).and(hasSuperType(named(type)));
    }

    /**
     * A class that implements a JDBC interface's methods without declaring the interface, for a
     * subclass that does: sqlite-jdbc's {@code JDBC3Statement} and {@code JDBC3ResultSet} hold
     * {@code executeQuery} and {@code next}, and only {@code JDBC4Statement}/{@code JDBC4ResultSet}
     * implement {@code Statement}/{@code ResultSet}. Advice goes where the code is, so such a base
     * class is recognised by a method only that interface has.
     */
    private static ElementMatcher.Junction<TypeDescription> implementing(String type, ElementMatcher<MethodDescription> signature) {
        return implementing(type).or(not(isInterface()).and(declaresMethod(signature)));
    }

    private static ElementMatcher.Junction<MethodDescription> sqlOrNothing(String... names) {
        return namedOneOf(names).and(not(isAbstract())).and(takesArguments(0).or(takesArgument(0, String.class)));
    }

    public static AgentBuilder register(AgentBuilder builder) {
        return builder
                .type(implementing("java.sql.Driver"))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(ConnectAdvice.class)
                        .on(named("connect").and(not(isAbstract())).and(takesArguments(2)).and(takesArgument(0, String.class)))))
                .type(implementing("javax.sql.DataSource"))
                .transform((b, type, loader, module, domain) -> b.visit(Advice.to(DataSourceAdvice.class)
                        .on(named("getConnection").and(not(isAbstract()))
                                .and(takesArguments(0).or(takesArguments(String.class, String.class))))))
                .type(implementing("java.sql.Connection", named("prepareStatement").and(takesArguments(String.class))
                        .and(returns(named("java.sql.PreparedStatement")))))
                .transform((b, type, loader, module, domain) -> b
                        .visit(Advice.to(CreateStatementAdvice.class).on(named("createStatement").and(not(isAbstract()))))
                        .visit(Advice.to(PrepareAdvice.class).on(namedOneOf("prepareStatement", "prepareCall")
                                .and(not(isAbstract())).and(takesArgument(0, String.class))))
                        .visit(Advice.to(SchemaAdvice.class).on(namedOneOf("setSchema", "setCatalog")
                                .and(not(isAbstract())).and(takesArguments(String.class)))))
                .type(implementing("java.sql.Statement", named("executeQuery").and(takesArguments(String.class))
                        .and(returns(named("java.sql.ResultSet")))))
                .transform((b, type, loader, module, domain) -> b
                        .visit(Advice.to(QueryAdvice.class).on(sqlOrNothing("executeQuery")))
                        .visit(Advice.to(UpdateAdvice.class).on(sqlOrNothing("executeUpdate").and(returns(int.class))))
                        .visit(Advice.to(LargeUpdateAdvice.class).on(sqlOrNothing("executeLargeUpdate").and(returns(long.class))))
                        .visit(Advice.to(ExecuteAdvice.class).on(sqlOrNothing("execute").and(returns(boolean.class))))
                        .visit(Advice.to(BatchAdvice.class).on(namedOneOf("executeBatch", "executeLargeBatch")
                                .and(not(isAbstract())).and(takesArguments(0))))
                        .visit(Advice.to(AddBatchAdvice.class).on(named("addBatch").and(not(isAbstract()))
                                .and(takesArguments(String.class))))
                        .visit(Advice.to(ClearBatchAdvice.class).on(named("clearBatch").and(not(isAbstract()))
                                .and(takesArguments(0))))
                        .visit(Advice.to(GetResultSetAdvice.class).on(named("getResultSet").and(not(isAbstract()))
                                .and(takesArguments(0))))
                        .visit(Advice.to(CloseAdvice.class).on(named("close").and(not(isAbstract())).and(takesArguments(0)))))
                .type(implementing("java.sql.ResultSet").or(not(isInterface())
                        .and(declaresMethod(named("getMetaData").and(takesArguments(0)).and(returns(named("java.sql.ResultSetMetaData")))))
                        .and(declaresMethod(named("next").and(takesArguments(0)).and(returns(boolean.class))))))
                .transform((b, type, loader, module, domain) -> b
                        .visit(Advice.to(NextAdvice.class).on(named("next").and(not(isAbstract()))
                                .and(takesArguments(0)).and(returns(boolean.class))))
                        .visit(Advice.to(CloseAdvice.class).on(named("close").and(not(isAbstract())).and(takesArguments(0)))));
    }
}
