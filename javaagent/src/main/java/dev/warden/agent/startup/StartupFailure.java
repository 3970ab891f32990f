package dev.warden.agent.startup;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * A failure before Warden could govern: under {@code warden.failure = closed} the JVM stops with one
 * message naming the file, the line and the problem; under {@code open} it runs and says so.
 */
final class StartupFailure {

    /**
     * The exit status of a JVM stopped by Warden at start-up: 78 is {@code EX_CONFIG} in BSD's
     * sysexits.h ("something was found in an unconfigured or misconfigured state").
     */
    static final int EXIT_STATUS = 78;

    private StartupFailure() {}

    /** Thrown inside start-up to stop the JVM with a message. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop(String message) {
            super(message, null, false, false);
        }
    }

    static void halt(String message) {
        System.err.println("warden: " + message);
        System.err.println("warden: the JVM was stopped because warden.failure = closed");
        System.err.flush();
        Runtime.getRuntime().halt(EXIT_STATUS);
    }

    /**
     * Whether {@code warden.failure = open}, read leniently (the policy may be broken): a system
     * property or environment override first, then the file's own line if it can be read.
     */
    static boolean failOpen(Path config) {
        String value = System.getProperty("warden.failure", System.getenv("WARDEN_FAILURE"));
        if (value == null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(config)) {
                p.load(r);
                value = p.getProperty("warden.failure");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("open");
    }
}
