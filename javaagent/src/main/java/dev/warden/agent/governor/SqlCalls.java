package dev.warden.agent.governor;

import dev.warden.agent.sql.SqlAnalyses;
import dev.warden.agent.sql.SqlAnalysis;
import dev.warden.policy.Action;
import dev.warden.policy.Policy;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides JDBC statements ({@code sql.<VERB>}, one decision per (verb, table) pair of the
 * statement, see {@link dev.warden.agent.sql.SqlAnalyzer}); connections are {@link SqlConnects},
 * result sets {@link SqlResults}.
 *
 * <p>A statement's analysis is cached by its text, and a prepared statement's is made once at
 * prepare; unqualified tables are qualified with the connection's current schema, which is read
 * from the driver only when unknown. A denied statement never reaches the driver: inside a
 * transaction Warden rolls it back first, so a half-done change is not left behind.
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
    private final SqlResults results;

    SqlCalls(WardenGovernor governor, SqlResults results) {
        this.governor = governor;
        this.results = results;
    }

    void statementCreated(Object connection, Object statement, String sql) {
        JdbcConnectionInfo conn = JdbcInfos.connectionInfo(connection, null);
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
        JdbcStatementInfo si = JdbcInfos.statementInfo(statement);
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
        JdbcStatementInfo si = JdbcInfos.statementInfo(statement);
        if (si.open != null) {
            // JDBC: executing a statement again closes its current result set.
            results.finish(ts, si.open, null);
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
        Policy policy = governor.policyFor(f);
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
        governor.proceeding(f);
        ts.sqlDepth++;
        return GOVERNED;
    }

    private void addDecisions(CallFrame f, SqlAnalysis a, JdbcStatementInfo si) {
        String[] targets = a.targets(a.needsSchema() ? si.conn.schema(si.connection) : null);
        for (int i = 0; i < a.size(); i++) {
            if (!present(f, a.action(i), targets[i])) {
                int k = f.add(a.action(i), targets[i], a.detail(), null, null);
                verdict(governor, f, k);
            }
        }
    }

    private void addUnknown(CallFrame f, SqlAnalysis a) {
        int k = f.add(Action.sql("OTHER"), SqlAnalysis.UNKNOWN, a.detail(), null, null);
        verdict(governor, f, k);
    }

    private static boolean present(CallFrame f, Action action, String target) {
        for (int i = 0; i < f.count; i++) {
            if (f.actions[i] == action && f.targets[i].equals(target)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The policy's verdict for entry {@code i}, or an error decision without a policy (then
     * {@code null}); multi-target checks come after, in {@link RuntimeChecks#applyCall}.
     */
    static Policy verdict(WardenGovernor governor, CallFrame f, int i) {
        Policy policy = governor.policyFor(f);
        if (policy == null) {
            governor.noPolicy(f, i);
            return null;
        }
        f.verdicts[i] = policy.decide(f.actions[i], f.targets[i], governor.performed(f));
        return policy;
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
        JdbcStatementInfo si = JdbcInfos.statementInfo(statement);
        if (analysis instanceof SqlAnalysis && ((SqlAnalysis) analysis).changesSchema() && thrown == null) {
            si.conn.schemaChanged();
        }
        JdbcResultInfo waiting = thrown == null && (resultSet != null || rows == SqlResults.RESULT_PENDING) ? results.waitForRows(ts, f, si) : null;
        if (waiting == null) {
            if (f.rows == SqlResults.RESULT_PENDING) {
                f.rows = -1;
            }
            governor.recorder().completed(ts, f, now, thrown);
        } else {
            si.open = waiting;
            results.waiting(ts, waiting);
            if (resultSet != null) {
                SqlResults.bind(waiting, resultSet);
            }
        }
        ts.pop();
    }

    static SQLException denial(String message) {
        return new SQLException(message, SQLSTATE_DENIED);
    }
}
