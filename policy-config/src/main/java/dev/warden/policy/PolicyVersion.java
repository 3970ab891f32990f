package dev.warden.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A policy's version: the first 16 hex digits of the SHA-256 of its effective properties, sorted by
 * key, one {@code key=value} a line. Reordering the file or adding comments keeps the version; any
 * change of an effective value, overrides and {@code ${…}} expansions included, changes it.
 */
final class PolicyVersion {

    private PolicyVersion() {}

    static String of(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::key));
        StringBuilder canonical = new StringBuilder();
        for (Entry e : sorted) {
            canonical.append(e.key()).append('=').append(e.value()).append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
