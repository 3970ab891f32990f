package dev.warden.agent.governor;

import dev.warden.bootstrap.JdbcState;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where Warden keeps its state for a JDBC object: in the field it added to the object's class
 * ({@link JdbcState}, every class that loaded after Warden), or, for a class loaded before Warden
 * attached, in a weak map — slower and locked, but such classes are the exception.
 */
final class JdbcObjects {

    private static final Map<Object, Object> EARLIER = Collections.synchronizedMap(new WeakHashMap<>());

    private JdbcObjects() {}

    static Object get(Object o) {
        if (o instanceof JdbcState) {
            return ((JdbcState) o).warden$jdbc();
        }
        return o == null ? null : EARLIER.get(o);
    }

    static void set(Object o, Object state) {
        if (o instanceof JdbcState) {
            ((JdbcState) o).warden$jdbc(state);
        } else if (o != null) {
            if (state == null) {
                EARLIER.remove(o);
            } else {
                EARLIER.put(o, state);
            }
        }
    }
}
