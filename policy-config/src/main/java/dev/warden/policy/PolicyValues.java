package dev.warden.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How enum constants are spelled in a policy file: lower case, dashes for underscores. */
final class PolicyValues {

    private PolicyValues() {}

    static String nameOf(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant written as {@code value} (case-insensitive), or an error listing the choices. */
    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (nameOf(e).equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not one of " + choices(type));
    }

    static <E extends Enum<E>> String choices(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(nameOf(e));
        }
        return String.join(", ", names);
    }
}
