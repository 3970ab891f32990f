package dev.warden.agent.startup;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JDBC classes a JVM loaded before Warden arrived (an attach): every loaded class implementing
 * {@code Driver}, {@code DataSource}, {@code Connection}, {@code Statement} or {@code ResultSet},
 * and the superclasses that may hold those methods for it (sqlite-jdbc's {@code JDBC3Statement}).
 * They are retransformed, and {@link LateTransformer}'s Byte Buddy matchers decide exactly which
 * methods to advise, as for a class that loads later. A retransformation cannot add Warden's field,
 * so these objects keep their state in the governor's weak map instead.
 */
final class LoadedJdbcClasses {

    private static final String[] INTERFACES = {"java.sql.Driver", "javax.sql.DataSource", "java.sql.Connection",
        "java.sql.Statement", "java.sql.ResultSet"};

    private LoadedJdbcClasses() {}

    static List<Class<?>> find(Instrumentation inst) {
        List<Class<?>> jdbc = interfaces();
        if (jdbc.isEmpty()) {
            return List.of();
        }
        Set<Class<?>> found = new LinkedHashSet<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.isArray() || c.isPrimitive() || c.isInterface() || !implementsAny(c, jdbc)) {
                continue;
            }
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                if (!JdbcCandidates.neverJdbc(k.getName().replace('.', '/')) && inst.isModifiableClass(k)) {
                    found.add(k);
                }
            }
        }
        return new ArrayList<>(found);
    }

    private static boolean implementsAny(Class<?> c, List<Class<?>> jdbc) {
        for (Class<?> i : jdbc) {
            if (i.isAssignableFrom(c)) {
                return true;
            }
        }
        return false;
    }

    /** The JDBC interfaces, if the JVM has the {@code java.sql} module at all (a jlinked image may not). */
    private static List<Class<?>> interfaces() {
        List<Class<?>> out = new ArrayList<>();
        for (String name : INTERFACES) {
            try {
                out.add(Class.forName(name, false, ClassLoader.getPlatformClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                // not in this runtime image: no JDBC class can be loaded either
            }
        }
        return out;
    }
}
