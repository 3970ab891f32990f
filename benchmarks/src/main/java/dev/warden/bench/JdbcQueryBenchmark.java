package dev.warden.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A primary-key lookup in an H2 in-memory database, the cheapest real statement there is (~1 µs):
 * a prepared statement executed and its one row read, and the same through a plain
 * {@code Statement} with the key inlined (a new text each time, decided through the analysis cache
 * of texts that differ only in their literals). Without the agent, and with it allowing each from
 * its cache. The subclasses differ only in the forked JVM's flags.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class JdbcQueryBenchmark {

    private Connection connection;
    private PreparedStatement byId;
    private Statement plain;
    private int next;

    @Setup
    public void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS customers (id INT PRIMARY KEY, name VARCHAR(40))");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM customers")) {
                if (rs.next() && rs.getInt(1) == 0) {
                    s.execute("INSERT INTO customers VALUES (1, 'ann'), (2, 'bob'), (3, 'cy')");
                }
            }
        }
        byId = connection.prepareStatement("SELECT name FROM customers WHERE id = ?");
        plain = connection.createStatement();
    }

    @TearDown
    public void close() throws SQLException {
        byId.close();
        plain.close();
        connection.close();
    }

    @Benchmark
    public String preparedSelect() throws SQLException {
        byId.setInt(1, 2);
        try (ResultSet rs = byId.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Benchmark
    public String statementSelect() throws SQLException {
        next = next % 3 + 1;
        try (ResultSet rs = plain.executeQuery("SELECT name FROM customers WHERE id = " + next)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** With the agent, only denials recorded ({@code warden.audit.level = denials}). */
    @Fork(value = 2, jvmArgsAppend = "-javaagent:../javaagent/target/warden-agent.jar=config=policies/sql-audit-denials.properties")
    public static class WithAgentAuditDenials extends JdbcQueryBenchmark {}

    /** With the agent, every statement recorded ({@code warden.audit.level = all}). */
    @Fork(value = 2, jvmArgsAppend = "-javaagent:../javaagent/target/warden-agent.jar=config=policies/sql-audit-all.properties")
    public static class WithAgentAuditAll extends JdbcQueryBenchmark {}
}
