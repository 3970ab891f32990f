package dev.warden.testapps.sqltool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * An AI agent's database tool, driven by its arguments: each argument is one step, fields
 * separated by {@code |}, run in order on named connections. Every step prints one line,
 * {@code OK <step>: <result>} or {@code ERR <step>: <exception class> [<SQLState>]: <message>}, and
 * the tool goes on after an error, as an agent's tool loop would.
 *
 * <pre>
 * open|NAME|driver|URL[|USER|PASSWORD]     DriverManager.getConnection
 * open|NAME|datasource|URL[|USER|PASSWORD] the driver's own DataSource
 * open|NAME|hikari|URL[|USER|PASSWORD]     a HikariCP pool (one connection)
 *                                          (URL jdbc:wrap:URL: through a driver wrapping the real one)
 * query|NAME|SQL                           Statement.executeQuery: prints the rows
 * update|NAME|SQL                          Statement.executeUpdate: prints the count
 * large-update|NAME|SQL                    Statement.executeLargeUpdate
 * update-keys|NAME|SQL                     Statement.executeUpdate(SQL, RETURN_GENERATED_KEYS)
 * execute|NAME|SQL                         Statement.execute (+ getResultSet)
 * pquery|NAME|SQL|ARG,ARG                  prepareStatement + executeQuery
 * pupdate|NAME|SQL|ARG,ARG                 prepareStatement + executeUpdate
 * pexecute|NAME|SQL|ARG,ARG                prepareStatement + execute
 * call|NAME|SQL                            prepareCall + execute
 * batch|NAME|SQL;;SQL                      addBatch(String) each + executeBatch
 * pbatch|NAME|SQL|ARG,ARG/ARG,ARG          prepareStatement + addBatch() per set + executeBatch
 * autocommit|NAME|true/false, commit|NAME, rollback|NAME, schema|NAME|S (setSchema), close|NAME
 * </pre>
 */
public final class SqlTool {

    private final Map<String, Connection> connections = new HashMap<>();
    private final List<HikariDataSource> pools = new ArrayList<>();

    public static void main(String[] args) {
        SqlTool tool = new SqlTool();
        for (String step : args) {
            String[] f = step.split("\\|", -1);
            try {
                System.out.println("OK " + f[0] + ": " + tool.run(f));
            } catch (SQLException e) {
                System.out.println("ERR " + f[0] + ": " + e.getClass().getName() + " [" + e.getSQLState() + "]: " + e.getMessage());
            } catch (Exception e) {
                System.out.println("ERR " + f[0] + ": " + e.getClass().getName() + " [-]: " + e.getMessage());
            }
        }
        tool.closeAll();
    }

    private String run(String[] f) throws Exception {
        switch (f[0]) {
            case "open": return open(f[1], f[2], f[3], f.length > 4 ? f[4] : null, f.length > 5 ? f[5] : null);
            case "query": return withStatement(f[1], s -> rows(s.executeQuery(f[2])));
            case "update": return withStatement(f[1], s -> "updated " + s.executeUpdate(f[2]));
            case "large-update": return withStatement(f[1], s -> "updated " + s.executeLargeUpdate(f[2]));
            case "update-keys": return withStatement(f[1], s -> "updated " + s.executeUpdate(f[2], Statement.RETURN_GENERATED_KEYS));
            case "execute": return withStatement(f[1], s -> s.execute(f[2]) ? rows(s.getResultSet()) : "updated " + s.getUpdateCount());
            case "pquery": return withPrepared(f, p -> rows(p.executeQuery()));
            case "pupdate": return withPrepared(f, p -> "updated " + p.executeUpdate());
            case "pexecute": return withPrepared(f, p -> p.execute() ? rows(p.getResultSet()) : "updated " + p.getUpdateCount());
            case "call": return call(f[1], f[2]);
            case "batch": return batch(f[1], f[2].split(";;"));
            case "pbatch": return preparedBatch(f[1], f[2], f[3].split("/"));
            case "autocommit": connection(f[1]).setAutoCommit(Boolean.parseBoolean(f[2])); return "autocommit " + f[2];
            case "commit": connection(f[1]).commit(); return "committed";
            case "rollback": connection(f[1]).rollback(); return "rolled back";
            case "schema": connection(f[1]).setSchema(f[2]); return "schema " + f[2];
            case "close": connections.remove(f[1]).close(); return "closed";
            default: throw new IllegalArgumentException("unknown step " + f[0]);
        }
    }

    private String open(String name, String how, String url, String user, String password) throws SQLException {
        Connection c;
        switch (how) {
            case "driver":
                c = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
                break;
            case "datasource":
                DataSource ds = DataSources.of(url);
                c = user == null ? ds.getConnection() : ds.getConnection(user, password);
                break;
            case "hikari":
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(url);
                if (user != null) {
                    config.setUsername(user);
                    config.setPassword(password);
                }
                config.setMaximumPoolSize(1);
                config.setPoolName("sql-tool-" + name);
                HikariDataSource pool = new HikariDataSource(config);
                pools.add(pool);
                c = pool.getConnection();
                break;
            default:
                throw new IllegalArgumentException("unknown way to connect: " + how);
        }
        connections.put(name, c);
        return "connected " + c.getClass().getName();
    }

    private interface StatementWork {
        String run(Statement s) throws SQLException;
    }

    private interface PreparedWork {
        String run(PreparedStatement p) throws SQLException;
    }

    private String withStatement(String name, StatementWork work) throws SQLException {
        try (Statement s = connection(name).createStatement()) {
            return work.run(s);
        }
    }

    private String withPrepared(String[] f, PreparedWork work) throws SQLException {
        try (PreparedStatement p = connection(f[1]).prepareStatement(f[2])) {
            bind(p, f.length > 3 ? f[3] : "");
            return work.run(p);
        }
    }

    private String call(String name, String sql) throws SQLException {
        try (CallableStatement c = connection(name).prepareCall(sql)) {
            return c.execute() ? rows(c.getResultSet()) : "called";
        }
    }

    private String batch(String name, String[] sqls) throws SQLException {
        try (Statement s = connection(name).createStatement()) {
            for (String sql : sqls) {
                s.addBatch(sql);
            }
            return "batch " + counts(s.executeBatch());
        }
    }

    private String preparedBatch(String name, String sql, String[] argSets) throws SQLException {
        try (PreparedStatement p = connection(name).prepareStatement(sql)) {
            for (String args : argSets) {
                bind(p, args);
                p.addBatch();
            }
            return "batch " + counts(p.executeBatch());
        }
    }

    private static String counts(int[] counts) {
        StringBuilder b = new StringBuilder();
        for (int c : counts) {
            b.append(b.length() == 0 ? "" : ",").append(c);
        }
        return b.toString();
    }

    private static void bind(PreparedStatement p, String args) throws SQLException {
        if (args.isEmpty()) {
            return;
        }
        String[] values = args.split(",");
        for (int i = 0; i < values.length; i++) {
            if (values[i].matches("-?\\d+")) {
                p.setLong(i + 1, Long.parseLong(values[i]));
            } else {
                p.setString(i + 1, values[i]);
            }
        }
    }

    /** {@code rows N: a, b | c, d}: every row read to the end, as a tool returning them to a model would. */
    private static String rows(ResultSet rs) throws SQLException {
        try (rs) {
            int n = 0;
            StringBuilder b = new StringBuilder();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                n++;
                b.append(n == 1 ? "" : " | ");
                for (int i = 1; i <= columns; i++) {
                    b.append(i == 1 ? "" : ", ").append(rs.getString(i));
                }
            }
            return "rows " + n + (n == 0 ? "" : ": " + b);
        }
    }

    private Connection connection(String name) {
        Connection c = connections.get(name);
        if (c == null) {
            throw new IllegalStateException("no connection " + name);
        }
        return c;
    }

    private void closeAll() {
        for (Connection c : connections.values()) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing at exit
            }
        }
        for (HikariDataSource pool : pools) {
            pool.close();
        }
    }
}
