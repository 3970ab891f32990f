package dev.warden.agent.governor;

import dev.warden.policy.Action;
import dev.warden.policy.Verdict;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query's record waits for its result set: the rows read are part of its outcome, and
 * {@code max-rows} stops it at the row past the limit. The record is written when the result set
 * is read to the end or closed, its statement closed or executed again, or at JVM exit.
 */
final class SqlResults {

    static final int MAX_OPEN = 4096;

    private final WardenGovernor governor;
    /** Query records waiting for their result set, written at JVM exit if still open. */
    private final ConcurrentHashMap<JdbcResultInfo, Boolean> open = new ConcurrentHashMap<>();

    SqlResults(WardenGovernor governor) {
        this.governor = governor;
    }

    /** The query's record now waits for its rows (see {@link #waitForRows}). */
    void waiting(ThreadState ts, JdbcResultInfo waiting) {
        if (open.size() >= MAX_OPEN) {
            // Result sets neither read to the end nor closed (their connection closed under
            // them): write what they read so far rather than hold them, and their records, forever.
            flushOpen(ts);
        }
        open.put(waiting, Boolean.TRUE);
    }

    /** {@code execute()} returned true: the result set comes with {@code getResultSet}. */
    static final long RESULT_PENDING = -2L;

    /** The query's record, detached to wait for its rows, when they are worth waiting for. */
    JdbcResultInfo waitForRows(ThreadState ts, CallFrame f, JdbcStatementInfo si) {
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

    static void bind(JdbcResultInfo r, Object resultSet) {
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
            throw new SQLException(r.limitMessage, SqlCalls.SQLSTATE_DENIED);
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
            SQLException e = new SQLException(r.limitMessage, SqlCalls.SQLSTATE_DENIED);
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
    void finish(ThreadState ts, JdbcResultInfo r, Throwable thrown) {
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
}
