package dev.warden.agent.governor;

import java.lang.reflect.Method;

/**
 * The JDBC URL a {@code DataSource} will connect to, when it says so before connecting — so that
 * {@code sql.connect} is decided before the database is reached. {@code DataSource} declares no
 * such method; the common ones have a getter: HikariCP's {@code getJdbcUrl}, pgJDBC's, MariaDB's
 * and SQLite's {@code getUrl}, H2's {@code getURL}. Others are decided by the URL of the
 * connection they return (which is then closed if denied). A URL Warden decided is remembered on
 * the data source itself.
 */
final class DataSourceUrls {

    private static final String[] GETTERS = {"getJdbcUrl", "getUrl", "getURL"};

    private static final ClassValue<Method> GETTER = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            for (String name : GETTERS) {
                try {
                    Method m = type.getMethod(name);
                    if (m.getReturnType() == String.class) {
                        m.setAccessible(true);
                        return m;
                    }
                } catch (NoSuchMethodException | RuntimeException e) {
                    // try the next name
                }
            }
            return null;
        }
    };

    private DataSourceUrls() {}

    /** The URL (with credentials: the caller removes them), or {@code null} when unknown. */
    static String of(Object dataSource) {
        Object known = JdbcObjects.get(dataSource);
        if (known instanceof String) {
            return (String) known;
        }
        Method m = GETTER.get(dataSource.getClass());
        if (m == null) {
            return null;
        }
        try {
            Object url = m.invoke(dataSource);
            return url instanceof String && ((String) url).startsWith("jdbc:") ? (String) url : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
