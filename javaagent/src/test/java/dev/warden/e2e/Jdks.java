package dev.warden.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The JDKs every end-to-end test runs under: the one running Maven (17) and JDK 25. */
final class Jdks {

    private Jdks() {}

    static Path current() {
        return Path.of(System.getProperty("java.home"));
    }

    static Path jdk25() {
        String configured = System.getProperty("warden.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64");
        Path home = Path.of(configured);
        if (!Files.isExecutable(home.resolve("bin/java"))) {
            throw new IllegalStateException("JDK 25 not found at " + home
                    + ": the end-to-end tests must run on JDK 17 and 25; set -Dwarden.jdk25=/path/to/jdk25");
        }
        return home;
    }

    static List<Path> all() {
        return List.of(current(), jdk25());
    }

    static int feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the version of " + home, e);
        }
        throw new IllegalStateException("no JAVA_VERSION in " + home.resolve("release"));
    }
}
