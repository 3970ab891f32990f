package dev.warden.policy;

import java.util.ArrayList;
import java.util.List;

/** Comma lists ({@code actions}, {@code targets}, {@code roles}, …): items trimmed, none empty. */
final class CommaList {

    private CommaList() {}

    static List<String> split(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            String t = item.trim();
            if (t.isEmpty()) {
                throw new IllegalArgumentException("empty item in the comma list '" + value + "'");
            }
            items.add(t);
        }
        return List.copyOf(items);
    }
}
