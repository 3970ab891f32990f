package dev.warden.policy;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-action maps from target to {@link CachedDecision}: a hit is one array index and one
 * {@link ConcurrentHashMap#get}, lock-free and allocation-free. A map that outgrows its bound is
 * cleared rather than evicted piecemeal: refilling is cheap, and bookkeeping for an LRU would cost
 * every hit.
 *
 * <p>File decisions where the path as written differs from the real path are keyed by both: a map
 * from written path to a small map from real path.
 */
final class DecisionCache {

    static final int MAX_ENTRIES = 10_000;
    private static final int MAX_REAL_PER_WRITTEN = 64;

    private final ConcurrentHashMap<String, CachedDecision>[] byTarget;
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, CachedDecision>>[] byPathPair;

    @SuppressWarnings({"unchecked", "rawtypes"}) // Java has no generic array creation
    DecisionCache() {
        int n = Action.count();
        byTarget = new ConcurrentHashMap[n];
        byPathPair = new ConcurrentHashMap[n];
        for (int i = 0; i < n; i++) {
            byTarget[i] = new ConcurrentHashMap<>();
            byPathPair[i] = new ConcurrentHashMap<>();
        }
    }

    CachedDecision get(Action action, String target) {
        return byTarget[action.id()].get(target);
    }

    void put(Action action, String target, CachedDecision d) {
        ConcurrentHashMap<String, CachedDecision> m = byTarget[action.id()];
        if (m.size() >= MAX_ENTRIES) {
            m.clear();
        }
        m.put(target, d);
    }

    CachedDecision get(Action action, String written, String real) {
        ConcurrentHashMap<String, CachedDecision> reals = byPathPair[action.id()].get(written);
        return reals == null ? null : reals.get(real);
    }

    void put(Action action, String written, String real, CachedDecision d) {
        ConcurrentHashMap<String, ConcurrentHashMap<String, CachedDecision>> m = byPathPair[action.id()];
        if (m.size() >= MAX_ENTRIES) {
            m.clear();
        }
        ConcurrentHashMap<String, CachedDecision> reals = m.computeIfAbsent(written, w -> new ConcurrentHashMap<>());
        if (reals.size() >= MAX_REAL_PER_WRITTEN) {
            reals.clear();
        }
        reals.put(real, d);
    }

    /** Forgets everything (tests, and callers that know the file tree changed under the patterns). */
    void clear() {
        for (int i = 0; i < byTarget.length; i++) {
            byTarget[i].clear();
            byPathPair[i].clear();
        }
    }
}
