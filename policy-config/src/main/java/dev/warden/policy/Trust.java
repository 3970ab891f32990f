package dev.warden.policy;

/** {@code warden.agent.trust}: a ceiling over whatever the rules allow. */
public enum Trust {
    SANDBOX,
    READ_ONLY,
    LIMITED_WRITE,
    FULL
}
