package dev.warden.agent.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Path resolution over thousands of random paths through a tree with links, loops and dangling
 * links: it never throws, always answers an absolute normalized path, and resolving that answer
 * again gives the same path. Random seed printed with any failure; {@code -Dwarden.test.seed=N}
 * replays it. (Plain JUnit, not jqwik: see {@code UrlNormalizationPropertiesTest} in policy-config.)
 */
class PathNormalizationPropertiesTest {

    @TempDir
    Path temp;

    private static final String[] SEGMENTS = {"a", "b", "..", ".", "", "up", "loop", "dangling", "file", "x y", "é", "nope",
        "...", "a..b"};

    @Test
    void resolutionIsIdempotentAndNeverThrows() throws Exception {
        Path root = temp.toRealPath();
        Path b = Files.createDirectories(root.resolve("a/b"));
        Files.writeString(b.resolve("file"), "f");
        Files.createSymbolicLink(b.resolve("up"), root);
        Files.createSymbolicLink(root.resolve("loop"), root.resolve("loop"));
        Files.createSymbolicLink(b.resolve("dangling"), root.resolve("nowhere/else"));
        PathResolver resolver = new PathResolver(b.toString());
        long seed = Long.getLong("warden.test.seed", new Random().nextLong());
        Random random = new Random(seed);
        for (int i = 0; i < 3000; i++) {
            StringBuilder p = new StringBuilder(random.nextBoolean() ? root.toString() : "");
            for (int n = random.nextInt(8); n >= 0; n--) {
                p.append(random.nextInt(4) == 0 ? "//" : "/").append(SEGMENTS[random.nextInt(SEGMENTS.length)]);
            }
            String path = p.charAt(0) == '/' && !p.toString().startsWith(root.toString()) ? p.substring(1) : p.toString();
            if (path.isEmpty()) {
                continue;
            }
            try {
                String real = resolver.resolve(path, System.nanoTime()).real;
                assertTrue(real.startsWith("/") && Path.of(real).normalize().toString().equals(real), "seed " + seed + ": " + path + " -> " + real);
                assertEquals(real, resolver.resolve(real, System.nanoTime()).real, "seed " + seed + ": " + path);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + path + " threw " + e, e);
            }
        }
    }
}
