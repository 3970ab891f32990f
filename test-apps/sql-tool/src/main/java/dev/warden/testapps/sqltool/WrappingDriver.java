package dev.warden.testapps.sqltool;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A driver that wraps another, as tracing and logging drivers do (p6spy, log4jdbc):
 * {@code jdbc:wrap:<url>} opens {@code <url>} through {@code DriverManager} and hands out the
 * connection behind a proxy.
 */
public final class WrappingDriver implements Driver {

    static final String PREFIX = "jdbc:wrap:";

    static {
        // DriverManager's service loading only initializes the class: a driver registers itself.
        try {
            DriverManager.registerDriver(new WrappingDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection inner = DriverManager.getConnection(url.substring(PREFIX.length()), info);
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return method.invoke(inner, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(WrappingDriver.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
