package dev.warden.agent.governor;

import dev.warden.agent.sql.JdbcUrls;
import dev.warden.agent.sql.SqlAnalyses;
import dev.warden.agent.sql.SqlAnalysis;
import dev.warden.policy.Action;
import dev.warden.policy.Policy;
import dev.warden.policy.Verdict;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides JDBC statements ({@code sql.<VERB>}, one decision per (verb, table) pair of the
 * statement, see {@link dev.warden.agent.sql.SqlAnalyzer}) and connections ({@code sql.connect}).
 *
 * <p>A statement's analysis is cached by its text, and a prepared statement's is made once at
 * prepare; unqualified tables are qualified with the connection's current schema, which is read
 * from the driver only when unknown. A denied statement never reaches the driver: inside a
 * transaction Warden rolls it back first, so a half-done change is not left behind. A query's
 * record waits for its result set, to record the rows read and enforce {@code max-rows}.
 */
final class SqlCalls {

    private static final Logger LOG = LoggerFactory.getLogger(SqlCalls.class);
    static final long DENIED = -1L;
    static final long GOVERNED = 1L;
    /** Counted, not decided: a call inside a governed one (a pool's proxy calling the driver). */
    static final long NESTED = 2L;
    /** A {@code DataSource.getConnection} whose URL is not known yet: decided when it returns. */
    static final long DATA_SOURCE = 3L;
    static final String SQLSTATE_DENIED = "42501";

    private final WardenGovernor governor;
    private final SqlAnalyses analyses = new SqlAnalyses();
    /** Query records waiting for their result set, written at JVM exit if still open. */
    private final ConcurrentHashMap<JdbcResultInfo, Boolean> open = new ConcurrentHashMap<>();

    SqlCalls(WardenGovernor governor) {
        this.governor = governor;
    }

    // ---- connections

    long enterConnect(ThreadState ts, Object source, String url) {
        if (ts.sqlConnectDepth > 0 && (ts.sqlConnectDecided || url == null)) {
            ts.sqlConnectDepth++;
            return NESTED;
        }
        if (url != null && source instanceof java.sql.Driver && !accepts((java.sql.Driver) source, url)) {
            return dev.warden.bootstrap.Governor.NOT_GOVERNED; // DriverManager asks every driver; this one will return null
        }
        String known = url != null ? url : DataSourceUrls.of(source);
        if (known == null) {
            ts.sqlConnectDepth++;
            ts.sqlConnectDecided = false;
            return DATA_SOURCE;
        }
        String target = JdbcUrls.withoutCredentials(known);
        if (!(source instanceof java.sql.Driver)) {
            JdbcObjects.set(source, target);
        }
        long token = decideConnect(ts, target);
        if (token == DENIED) {
            return DENIED;
        }
        ts.sqlConnectDepth++;
        ts.sqlConnectDecided = true;
        return GOVERNED;
    }

    private long decideConnect(ThreadState ts, String target) {
        long now = System.nanoTime();
        CallFrame f = ts.push(Family.SQL);
        if (f == null) {
            ts.denial = denial(Denials.message(Action.SQL_CONNECT.name(), target, "governed calls nested too deep", "error"));
            return DENIED;
        }
        f.startNanos = now;
        int i = f.add(Action.SQL_CONNECT, target, null, null, null);
        decide(f, i, now);
        if (f.decisions[i] == Outcome.DENY) {
            governor.recorder().blocked(ts, f);
            ts.denial = denial(Denials.message(Action.SQL_CONNECT.name(), target, f.reasons[i], f.rules[i]));
            ts.pop();
            return DENIED;
        }
        return GOVERNED;
    }

    /**
     * The connect returned (or threw). A data source whose URL was unknown is decided now, by the
     * URL of the connection it returned; denied, that connection is closed before the caller sees it.
     */
    long exitConnect(ThreadState ts, long token, Object source, Object connection, Throwable thrown) {
        ts.sqlConnectDepth--;
        if (token == NESTED) {
            return GOVERNED;
        }
        if (token == GOVERNED) {
            CallFrame f = ts.top();
            if (connection != null && f != null && f.count > 0) {
                connectionInfo(connection, f.targets[0]);
            }
            governor.recorder().completed(ts, f, System.nanoTime(), thrown);
            ts.pop();
        } else if (token == DATA_SOURCE && !ts.sqlConnectDecided && connection != null && thrown == null) {
            String url = JdbcUrls.withoutCredentials(urlOf(connection));
            JdbcObjects.set(source, url);
            long decided = decideConnect(ts, url);
            if (decided == DENIED) {
                close(connection);
                return DENIED;
            }
            connectionInfo(connection, url);
            governor.recorder().completed(ts, ts.top(), System.nanoTime(), null);
            ts.pop();
        }
        if (ts.sqlConnectDepth == 0) {
            ts.sqlConnectDecided = false;
        }
        return GOVERNED;
    }

    // ---- statements

    void statementCreated(Object connection, Object statement, String sql) {
        JdbcConnectionInfo conn = connectionInfo(connection, null);
        SqlAnalysis prepared = sql == null ? null : analyses.of(sql, conn.mysql);
        JdbcObjects.set(statement, new JdbcStatementInfo(connection, conn, prepared));
    }

    void schemaChanged(Object connection) {
        Object info = JdbcObjects.get(connection);
        if (info instanceof JdbcConnectionInfo) {
            ((JdbcConnectionInfo) info).schemaChanged();
        }
    }

    void batch(Object statement, String sql) {
        JdbcStatementInfo si = statementInfo(statement);
        if (sql == null) {
            si.batch = null;
        } else {
            si.addBatch(analyses.of(sql, si.conn.mysql));
        }
    }

    long enterStatement(ThreadState ts, Object statement, String sql, boolean batch) {
        // Inside a governed statement (a pool's proxy calling the driver's), or inside a connect
        // (sqlite-jdbc runs PRAGMAs while opening): part of the call already decided.
        if (ts.sqlDepth > 0 || ts.sqlConnectDepth > 0) {
            ts.sqlDepth++;
            return NESTED;
        }
        long now = System.nanoTime();
        JdbcStatementInfo si = statementInfo(statement);
        if (si.open != null) {
            // JDBC: executing a statement again closes its current result set.
            finish(ts, si.open, null);
        }
        CallFrame f = ts.push(Family.SQL);
        if (f == null) {
            ts.denial = denial(Denials.message("sql", SqlAnalysis.UNKNOWN, "governed calls nested too deep", "error"));
            return DENIED;
        }
        f.startNanos = now;
        f.path = statement;
        if (batch && si.prepared == null) {
            List<SqlAnalysis> texts = si.batch;
            si.batch = null;
            if (texts != null) {
                for (SqlAnalysis a : texts) {
                    addDecisions(f, a, si);
                }
            }
        } else {
            SqlAnalysis a = sql != null ? analyses.of(sql, si.conn.mysql) : si.prepared;
            if (a == null) {
                // A prepared statement Warden did not see prepared (made before Warden attached).
                a = analyses.of("", si.conn.mysql);
                addUnknown(f, a);
            } else {
                addDecisions(f, a, si);
            }
            f.url = a;
        }
        if (f.count == 0) {
            ts.pop(); // an empty batch: nothing to decide
            ts.sqlDepth++;
            return NESTED;
        }
        Policy policy = governor.policy();
        if (policy != null) {
            RuntimeChecks.applyCall(f, 0, governor.controls(), governor.recorder(), policy, now);
        }
        int denied = f.firstDenied();
        if (denied >= 0) {
            rollBackIfInTransaction(si, f);
            governor.recorder().blocked(ts, f);
            ts.denial = denial(Denials.message(f.actions[denied].name(), f.targets[denied], f.reasons[denied], f.rules[denied]));
            ts.pop();
            return DENIED;
        }
        ts.sqlDepth++;
        return GOVERNED;
    }

    private void addDecisions(CallFrame f, SqlAnalysis a, JdbcStatementInfo si) {
        String[] targets = a.targets(a.needsSchema() ? si.conn.schema(si.connection) : null);
        for (int i = 0; i < a.size(); i++) {
            if (!present(f, a.action(i), targets[i])) {
                int k = f.add(a.action(i), targets[i], a.detail(), null, null);
                decide(f, k, f.startNanos);
            }
        }
    }

    private void addUnknown(CallFrame f, SqlAnalysis a) {
        int k = f.add(Action.sql("OTHER"), SqlAnalysis.UNKNOWN, a.detail(), null, null);
        decide(f, k, f.startNanos);
    }

    private static boolean present(CallFrame f, Action action, String target) {
        for (int i = 0; i < f.count; i++) {
            if (f.actions[i] == action && f.targets[i].equals(target)) {
                return true;
            }
        }
        return false;
    }

    /** Sets the verdict of entry {@code i}; multi-target checks come after, in {@link RuntimeChecks#applyCall}. */
    private void decide(CallFrame f, int i, long now) {
        Policy policy = governor.policy();
        if (policy == null) {
            governor.noPolicy(f, i);
            return;
        }
        f.verdicts[i] = policy.decide(f.actions[i], f.targets[i]);
        if (f.actions[i] == Action.SQL_CONNECT) {
            RuntimeChecks.apply(f, i, f.verdicts[i], governor.controls(), governor.recorder(), policy, now);
        }
    }

    /** policy.md: a statement denied inside a transaction leaves nothing half done. */
    private void rollBackIfInTransaction(JdbcStatementInfo si, CallFrame f) {
        if (!(si.connection instanceof java.sql.Connection)) {
            return;
        }
        java.sql.Connection c = (java.sql.Connection) si.connection;
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
                f.rolledBack = true;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Warden could not roll back the transaction of a denied statement", e);
        }
    }

    void exitStatement(ThreadState ts, long token, Object statement, long rows, Object resultSet, Throwable thrown) {
        ts.sqlDepth--;
        if (token != GOVERNED) {
            return;
        }
        CallFrame f = ts.top();
        if (f == null || f.family != Family.SQL) {
            return;
        }
        long now = System.nanoTime();
        f.rows = rows;
        Object analysis = f.url;
        JdbcStatementInfo si = statementInfo(statement);
        if (analysis instanceof SqlAnalysis && ((SqlAnalysis) analysis).changesSchema() && thrown == null) {
            si.conn.schemaChanged();
        }
        JdbcResultInfo waiting = thrown == null && (resultSet != null || rows == RESULT_PENDING) ? waitForRows(ts, f, si) : null;
        if (waiting == null) {
            if (f.rows == RESULT_PENDING) {
                f.rows = -1;
            }
            governor.recorder().completed(ts, f, now, thrown);
        } else {
            si.open = waiting;
            open.put(waiting, Boolean.TRUE);
            if (resultSet != null) {
                bind(waiting, resultSet);
            }
        }
        ts.pop();
    }

    /** {@code execute()} returned true: the result set comes with {@code getResultSet}. */
    static final long RESULT_PENDING = -2L;

    /** The query's record, detached to wait for its rows, when they are worth waiting for. */
    private JdbcResultInfo waitForRows(ThreadState ts, CallFrame f, JdbcStatementInfo si) {
        long maxRows = 0;
        String rule = null;
        String target = null;
        boolean select = false;
        for (int i = 0; i < f.count; i++) {
            if (f.actions[i] == SELECT) {
                select = true;
                Verdict v = f.verdicts[i];
                if (v != null && v.maxRows() > 0 && (maxRows == 0 || v.maxRows() < maxRows)) {
                    maxRows = v.maxRows();
                    rule = v.rule();
                    target = f.targets[i];
                }
            }
        }
        if (!select || (maxRows == 0 && !governor.recorder().wouldRecord(f))) {
            return null; // nothing to count rows for: no limit, and no record to write them into
        }
        CallFrame call = new CallFrame();
        String thread = Thread.currentThread().getName();
        f.copyTo(call, thread, ts.threadNameUtf8(thread));
        call.durationNanos = System.nanoTime() - f.startNanos; // the execute itself, not the reading
        call.rows = -1;
        return new JdbcResultInfo(call, si, maxRows, rule, target);
    }

    private static final Action SELECT = Action.sql("SELECT");

    private static void bind(JdbcResultInfo r, Object resultSet) {
        r.resultSet = resultSet;
        JdbcObjects.set(resultSet, r);
    }

    void resultSet(Object statement, Object resultSet) {
        Object info = JdbcObjects.get(statement);
        if (info instanceof JdbcStatementInfo) {
            JdbcResultInfo r = ((JdbcStatementInfo) info).open;
            if (r != null && r.resultSet == null) {
                bind(r, resultSet);
            }
        }
    }

    /** Counts a row; the row past {@code max-rows} fails, and so does every later {@code next}. */
    void row(ThreadState ts, Object resultSet, boolean more) throws SQLException {
        Object info = JdbcObjects.get(resultSet);
        if (!(info instanceof JdbcResultInfo)) {
            return;
        }
        JdbcResultInfo r = (JdbcResultInfo) info;
        if (r.limitMessage != null) {
            throw new SQLException(r.limitMessage, SQLSTATE_DENIED);
        }
        if (!more) {
            finish(ts, r, null);
            return;
        }
        r.rows++;
        if (r.maxRows > 0 && r.rows > r.maxRows) {
            r.rows--;
            r.limitMessage = Denials.message(SELECT.name(), r.limitTarget, "row limit", r.limitRule);
            CallFrame c = r.call;
            for (int i = 0; i < c.count; i++) {
                if (c.actions[i] == SELECT) {
                    c.decisions[i] = Outcome.DENY;
                    c.rules[i] = r.limitRule;
                    c.reasons[i] = "row limit";
                }
            }
            c.stopped = true;
            SQLException e = new SQLException(r.limitMessage, SQLSTATE_DENIED);
            record(ts, r, e);
            throw e;
        }
    }

    void closed(ThreadState ts, Object statementOrResultSet) {
        Object info = JdbcObjects.get(statementOrResultSet);
        if (info instanceof JdbcResultInfo) {
            finish(ts, (JdbcResultInfo) info, null);
        } else if (info instanceof JdbcStatementInfo && ((JdbcStatementInfo) info).open != null) {
            finish(ts, ((JdbcStatementInfo) info).open, null);
        }
    }

    /** The query is done (its result set read to the end or closed): its record is written, once. */
    private void finish(ThreadState ts, JdbcResultInfo r, Throwable thrown) {
        if (r.owner.open == r) {
            r.owner.open = null;
        }
        if (r.resultSet != null && r.limitMessage == null) {
            JdbcObjects.set(r.resultSet, null);
        }
        record(ts, r, thrown);
    }

    private void record(ThreadState ts, JdbcResultInfo r, Throwable thrown) {
        if (r.recorded) {
            return;
        }
        r.recorded = true;
        open.remove(r);
        r.call.rows = r.rows;
        governor.recorder().completed(ts, r.call, System.nanoTime(), thrown);
    }

    /** At JVM exit: the queries whose result sets were never finished. */
    void flushOpen(ThreadState ts) {
        for (JdbcResultInfo r : open.keySet()) {
            record(ts, r, null);
        }
    }

    // ---- helpers

    private JdbcStatementInfo statementInfo(Object statement) {
        Object info = JdbcObjects.get(statement);
        if (info instanceof JdbcStatementInfo) {
            return (JdbcStatementInfo) info;
        }
        // Made before Warden attached, or by a class Warden could not add its field to.
        Object connection = null;
        if (statement instanceof java.sql.Statement) {
            try {
                connection = ((java.sql.Statement) statement).getConnection();
            } catch (SQLException | RuntimeException e) {
                connection = null;
            }
        }
        JdbcStatementInfo si = new JdbcStatementInfo(connection, connectionInfo(connection, null), null);
        JdbcObjects.set(statement, si);
        return si;
    }

    /**
     * The connection's info, shared with the physical connection a pool's proxy wraps (so a schema
     * switch through one proxy is known to the next); {@code url} when Warden just decided it.
     */
    private JdbcConnectionInfo connectionInfo(Object connection, String url) {
        Object info = JdbcObjects.get(connection);
        if (info instanceof JdbcConnectionInfo) {
            return (JdbcConnectionInfo) info;
        }
        JdbcConnectionInfo ci = null;
        Object physical = physical(connection);
        if (physical != connection) {
            Object p = JdbcObjects.get(physical);
            if (p instanceof JdbcConnectionInfo) {
                ci = (JdbcConnectionInfo) p;
            }
        }
        if (ci == null) {
            ci = new JdbcConnectionInfo(url != null ? url : connection == null ? null : JdbcUrls.withoutCredentials(urlOf(connection)));
            if (physical != connection && physical != null) {
                JdbcObjects.set(physical, ci);
            }
        }
        if (connection != null) {
            JdbcObjects.set(connection, ci);
        }
        return ci;
    }

    private static Object physical(Object connection) {
        if (connection instanceof java.sql.Connection) {
            try {
                java.sql.Connection c = (java.sql.Connection) connection;
                if (c.isWrapperFor(java.sql.Connection.class)) {
                    Object inner = c.unwrap(java.sql.Connection.class);
                    return inner == null ? connection : inner;
                }
            } catch (SQLException | RuntimeException | AbstractMethodError e) {
                return connection;
            }
        }
        return connection;
    }

    private static String urlOf(Object connection) {
        if (connection instanceof java.sql.Connection) {
            try {
                return ((java.sql.Connection) connection).getMetaData().getURL();
            } catch (SQLException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean accepts(java.sql.Driver driver, String url) {
        try {
            return driver.acceptsURL(url);
        } catch (SQLException | RuntimeException e) {
            return true; // let it try, and decide it
        }
    }

    private static void close(Object connection) {
        try {
            ((java.sql.Connection) connection).close();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Warden could not close a denied connection", e);
        }
    }

    static SQLException denial(String message) {
        return new SQLException(message, SQLSTATE_DENIED);
    }
}
