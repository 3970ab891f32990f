package dev.warden.policy;

/**
 * One effective property: its key, its value ({@code ${…}} expanded), and where it came from.
 *
 * @param line the file line, or 0 for an override
 * @param origin {@code file line 12}, {@code system property} or {@code environment WARDEN_MODE}
 */
record Entry(String key, String value, int line, String origin) {}
