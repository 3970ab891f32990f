package dev.warden.agent.governor;

/** The final decision codes of one (action, target) and their audit names. */
final class Outcome {
    static final int ALLOW = 1;
    static final int DENY = 2;
    static final int WOULD_DENY = 3;
    static final int ERROR = 4;

    private Outcome() {}

    static String auditName(int code) {
        switch (code) {
            case ALLOW: return "allow";
            case DENY: return "deny";
            case WOULD_DENY: return "would-deny";
            default: return "error";
        }
    }
}
