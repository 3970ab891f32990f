package dev.warden.testapps.sqltool;

import javax.sql.DataSource;

/** Each driver's own {@code DataSource}, configured by URL, as applications wire them. */
final class DataSources {

    private DataSources() {}

    static DataSource of(String url) {
        if (url.startsWith("jdbc:h2:")) {
            org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
            ds.setURL(url);
            return ds;
        }
        if (url.startsWith("jdbc:sqlite:")) {
            org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
            ds.setUrl(url);
            return ds;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
            ds.setUrl(url);
            return ds;
        }
        if (url.startsWith("jdbc:mariadb:")) {
            try {
                return new org.mariadb.jdbc.MariaDbDataSource(url);
            } catch (java.sql.SQLException e) {
                throw new IllegalArgumentException(e);
            }
        }
        throw new IllegalArgumentException("no DataSource for " + url);
    }
}
