package dev.warden.agent.governor;

import dev.warden.agent.sql.JdbcUrls;
import dev.warden.policy.Action;
import dev.warden.policy.Policy;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides {@code sql.connect}: on {@code Driver.connect} by its URL, before the driver connects; on
 * {@code DataSource.getConnection} by the URL the data source tells (see {@link DataSourceUrls}),
 * else by the URL of the connection it returned (closed if denied). The outermost connect with a
 * URL decides: a wrapping driver's or a data source's own inner {@code Driver.connect} is part of
 * it, and so are the sockets the driver opens meanwhile on this thread.
 */
final class SqlConnects {

    private static final Logger LOG = LoggerFactory.getLogger(SqlConnects.class);
    static final long DENIED = SqlCalls.DENIED;
    static final long GOVERNED = SqlCalls.GOVERNED;
    static final long NESTED = SqlCalls.NESTED;
    static final long DATA_SOURCE = SqlCalls.DATA_SOURCE;

    private final WardenGovernor governor;

    SqlConnects(WardenGovernor governor) {
        this.governor = governor;
    }

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
            ts.denial = SqlCalls.denial(Denials.message(Action.SQL_CONNECT.name(), target, "governed calls nested too deep", "error"));
            return DENIED;
        }
        f.startNanos = now;
        int i = f.add(Action.SQL_CONNECT, target, null, null, null);
        decide(f, i, now);
        if (f.decisions[i] == Outcome.DENY) {
            governor.recorder().blocked(ts, f);
            ts.denial = SqlCalls.denial(Denials.message(Action.SQL_CONNECT.name(), target, f.reasons[i], f.rules[i]));
            ts.pop();
            return DENIED;
        }
        governor.proceeding(f);
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
                JdbcInfos.connectionInfo(connection, f.targets[0]);
            }
            governor.recorder().completed(ts, f, System.nanoTime(), thrown);
            ts.pop();
        } else if (token == DATA_SOURCE && !ts.sqlConnectDecided && connection != null && thrown == null) {
            String url = JdbcUrls.withoutCredentials(JdbcInfos.urlOf(connection));
            JdbcObjects.set(source, url);
            long decided = decideConnect(ts, url);
            if (decided == DENIED) {
                close(connection);
                return DENIED;
            }
            JdbcInfos.connectionInfo(connection, url);
            governor.recorder().completed(ts, ts.top(), System.nanoTime(), null);
            ts.pop();
        }
        if (ts.sqlConnectDepth == 0) {
            ts.sqlConnectDecided = false;
        }
        return GOVERNED;
    }

    private void decide(CallFrame f, int i, long now) {
        Policy policy = SqlCalls.verdict(governor, f, i);
        if (policy != null) {
            RuntimeChecks.apply(f, i, f.verdicts[i], governor.controls(), governor.recorder(), policy, now);
        }
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
}
