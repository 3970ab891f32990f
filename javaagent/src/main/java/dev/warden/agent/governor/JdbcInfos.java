package dev.warden.agent.governor;

import dev.warden.agent.sql.JdbcUrls;
import java.sql.SQLException;

/**
 * Finds (or makes) what Warden knows about a JDBC statement or connection. A pool's proxy
 * connection shares the info of the physical connection it wraps, so a schema switch through one
 * proxy is known to the next; objects made before Warden attached get their info on first use.
 */
final class JdbcInfos {

    private JdbcInfos() {}

    static JdbcStatementInfo statementInfo(Object statement) {
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
    static JdbcConnectionInfo connectionInfo(Object connection, String url) {
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

    static String urlOf(Object connection) {
        if (connection instanceof java.sql.Connection) {
            try {
                return ((java.sql.Connection) connection).getMetaData().getURL();
            } catch (SQLException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
