package dev.warden.agent.governor;

/**
 * Finds the first application frame on the stack: the code that made the governed call. A stack
 * walk costs microseconds, so it is done only for records that carry a caller.
 */
final class CallerFrames {

    private static final StackWalker WALKER = StackWalker.getInstance();

    private CallerFrames() {}

    static String firstApplicationFrame() {
        return WALKER.walk(frames -> frames
                .filter(f -> !isPlatform(f.getClassName()))
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName()
                        + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse(null));
    }

    static boolean isPlatform(String className) {
        return className.startsWith("java.")
                || className.startsWith("javax.")
                || className.startsWith("jdk.")
                || className.startsWith("sun.")
                || className.startsWith("com.sun.")
                || className.startsWith("dev.warden.agent.")
                || className.startsWith("dev.warden.bootstrap.")
                || className.startsWith("dev.warden.policy.")
                || className.startsWith("dev.warden.shaded.")
                // the HTTP clients Warden governs: the caller is whoever called them
                || className.startsWith("okhttp3.")
                || className.startsWith("okio.")
                || className.startsWith("kotlin.")
                || className.startsWith("org.apache.hc.")
                || className.startsWith("org.apache.http.")
                || className.startsWith("reactor.")
                || className.startsWith("io.netty.")
                // the JDBC drivers and pools Warden sees through
                || className.startsWith("org.h2.")
                || className.startsWith("org.sqlite.")
                || className.startsWith("org.postgresql.")
                || className.startsWith("org.mariadb.jdbc.")
                || className.startsWith("com.mysql.")
                || className.startsWith("com.zaxxer.hikari.");
    }
}
