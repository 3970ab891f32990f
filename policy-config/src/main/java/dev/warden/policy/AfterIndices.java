package dev.warden.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * Numbers the distinct {@code after} conditions for {@link PerformedActions}: a condition keeps its
 * number across reloads while its text ({@link AfterCondition#key}) is unchanged, so a session's
 * memory of it survives a reload; a new condition gets a new number. Numbers are never reused
 * (a number still set in a session's memory must not come to mean another condition), so a process
 * has at most {@value PerformedActions#CAPACITY} distinct conditions in its life.
 */
final class AfterIndices {

    private final Map<String, Integer> byKey;
    private int next;

    AfterIndices() {
        this(new HashMap<>(), 0);
    }

    private AfterIndices(Map<String, Integer> byKey, int next) {
        this.byKey = byKey;
        this.next = next;
    }

    /** A copy that a reload extends without touching the policy in force. */
    AfterIndices copy() {
        return new AfterIndices(new HashMap<>(byKey), next);
    }

    /** @throws IllegalArgumentException when the process has used up its numbers */
    int indexOf(AfterCondition c) {
        Integer known = byKey.get(c.key());
        if (known != null) {
            return known;
        }
        if (next >= PerformedActions.CAPACITY) {
            throw new IllegalArgumentException("more than " + PerformedActions.CAPACITY
                    + " distinct after conditions since the agent started; restart it to use new ones");
        }
        byKey.put(c.key(), next);
        return next++;
    }
}
