package dev.warden.agent.startup;

import java.nio.charset.StandardCharsets;

/**
 * A cheap first look at a loading class: could it implement a JDBC interface? Drivers, pools and
 * wrappers are found by what they implement, not by name, and resolving a class's super types costs
 * Byte Buddy far more than this scan of its bytes. A class implementing {@code java.sql.Statement}
 * (or extending a class that does) names {@code java/sql/} in its constant pool — its methods
 * declare {@code SQLException} — so a class whose bytes never mention it is skipped.
 */
final class JdbcCandidates {

    private static final byte[] JAVA_SQL = "java/sql/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA_SOURCE = "javax/sql/DataSource".getBytes(StandardCharsets.US_ASCII);
    private static final String[] NEVER = {"java/", "javax/", "jdk/", "sun/", "com/sun/", "dev/warden/agent/",
        "dev/warden/bootstrap/", "dev/warden/policy/", "dev/warden/cli/", "dev/warden/shaded/", "net/bytebuddy/",
        "kotlin/", "scala/", "groovy/", "org/slf4j/", "ch/qos/logback/", "org/apache/logging/", "org/junit/",
        "com/fasterxml/jackson/"};

    private JdbcCandidates() {}

    static boolean mayImplementJdbc(String internalName, byte[] bytes) {
        return !neverJdbc(internalName) && (contains(bytes, JAVA_SQL) || contains(bytes, DATA_SOURCE));
    }

    /** The JDK's, Warden's and a few well-known libraries' classes: never a driver, pool or wrapper. */
    static boolean neverJdbc(String internalName) {
        for (String prefix : NEVER) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
