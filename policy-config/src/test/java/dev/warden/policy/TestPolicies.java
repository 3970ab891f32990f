package dev.warden.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Writes policy text to a file and loads it with controlled overrides and clock. */
final class TestPolicies {

    /** A clock tests can move. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(String instant) {
            this.now = Instant.parse(instant);
        }

        void set(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private TestPolicies() {}

    static Path write(Path dir, String text) {
        try {
            Path f = dir.resolve("warden.properties");
            Files.writeString(f, text, StandardCharsets.UTF_8);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** System properties a test policy sees: user.dir is {@code dir}, so relative paths land there. */
    static Map<String, String> props(Path dir, String... keyValues) {
        Map<String, String> m = new HashMap<>();
        m.put("user.dir", dir.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static Policy load(Path dir, String text) {
        return load(dir, text, Overrides.of(props(dir), Map.of()), Clock.systemUTC());
    }

    static Policy load(Path dir, String text, Overrides overrides, Clock clock) {
        try {
            return PolicyLoader.load(write(dir, text), overrides, clock);
        } catch (PolicyException e) {
            throw new AssertionError("policy should load but: " + e.getMessage(), e);
        }
    }

    static PolicyException fail(Path dir, String text) {
        return fail(dir, text, Overrides.of(props(dir), Map.of()));
    }

    static PolicyException fail(Path dir, String text, Overrides overrides) {
        return assertThrows(PolicyException.class, () -> PolicyLoader.load(write(dir, text), overrides));
    }

    /** A minimal valid header, then the given lines. */
    static String policy(String... lines) {
        return "warden.agent.id = test-agent\n" + String.join("\n", lines) + "\n";
    }
}
