package dev.warden.agent.audit;

import java.util.HashMap;
import java.util.Map;

/**
 * What a reader learns from the trail's dictionary excerpts: the {@link SessionHeader}s, and the
 * paths that call records name by number ({@link PathTable} writes them).
 */
final class TrailDictionary {

    final Map<Long, SessionHeader> sessions = new HashMap<>();
    private final Map<Long, Map<Long, String>> paths = new HashMap<>();

    void path(long sessionKey, long id, String path) {
        paths.computeIfAbsent(sessionKey, k -> new HashMap<>()).put(id, path);
    }

    /** The path numbered {@code id} under {@code sessionKey}, or a placeholder naming it. */
    String path(long sessionKey, long id) {
        Map<Long, String> ofSession = paths.get(sessionKey);
        String p = ofSession == null ? null : ofSession.get(id);
        return p != null ? p : "<path #" + id + " not in the trail>";
    }
}
