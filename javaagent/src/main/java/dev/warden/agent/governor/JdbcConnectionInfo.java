package dev.warden.agent.governor;

import java.util.Locale;

/**
 * What Warden knows about a JDBC connection: its URL (for the SQL dialect) and its current schema,
 * read from the driver once and again only after something may have changed it — a
 * {@code setSchema}/{@code setCatalog}, or a {@code SET search_path}/{@code USE} statement — never
 * a round trip per statement. A pool's proxy connection shares the physical connection's info.
 */
final class JdbcConnectionInfo {

    final String url;
    final boolean mysql;
    private volatile String schema;
    private volatile boolean schemaKnown;

    JdbcConnectionInfo(String url) {
        this.url = url;
        String u = url == null ? "" : url.toLowerCase(Locale.ROOT);
        this.mysql = u.startsWith("jdbc:mysql:") || u.startsWith("jdbc:mariadb:");
    }

    /** The current schema, lower-case, or {@code null} when the driver names none; reads it if unknown (Warden's own call). */
    String schema(Object connection) {
        if (!schemaKnown) {
            String s = null;
            if (connection instanceof java.sql.Connection) {
                java.sql.Connection c = (java.sql.Connection) connection;
                try {
                    s = c.getSchema();
                } catch (Exception | AbstractMethodError e) {
                    // a JDBC 3 driver, or one that refuses: fall back to the catalog
                }
                if (s == null) {
                    try {
                        s = c.getCatalog();
                    } catch (Exception e) {
                        s = null;
                    }
                }
            }
            schema = s == null ? null : s.toLowerCase(Locale.ROOT);
            schemaKnown = true;
        }
        return schema;
    }

    void schemaChanged() {
        schemaKnown = false;
    }
}
