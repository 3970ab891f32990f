package dev.warden.agent.governor;

import dev.warden.agent.sql.SqlAnalysis;
import java.util.ArrayList;
import java.util.List;

/** What Warden knows about a JDBC statement: its connection, its prepared SQL, its batch, its open result. */
final class JdbcStatementInfo {

    final Object connection;
    final JdbcConnectionInfo conn;
    /** The analysis of a prepared statement's SQL, made once at prepare; {@code null} for a plain statement. */
    final SqlAnalysis prepared;
    /** The analyses of the SQL added with {@code addBatch(String)} since the last execute or clear. */
    List<SqlAnalysis> batch;
    /** The record of the last query, completed when its result set is read to the end or closed. */
    JdbcResultInfo open;

    JdbcStatementInfo(Object connection, JdbcConnectionInfo conn, SqlAnalysis prepared) {
        this.connection = connection;
        this.conn = conn;
        this.prepared = prepared;
    }

    void addBatch(SqlAnalysis a) {
        if (batch == null) {
            batch = new ArrayList<>(4);
        }
        batch.add(a);
    }
}
