package dev.warden.agent.log;

import java.util.Locale;
import org.slf4j.event.Level;

/** The threshold of Warden's log, from the system property {@code warden.log.level} (default {@code warn}). */
final class LogLevel {

    static final String PROPERTY = "warden.log.level";
    /** Above every SLF4J level: {@code warden.log.level=off} prints nothing. */
    static final int OFF = Integer.MAX_VALUE;

    private LogLevel() {}

    /** The lowest {@link Level#toInt()} that is printed. */
    static int threshold() {
        return parse(System.getProperty(PROPERTY));
    }

    static int parse(String value) {
        if (value == null) {
            return Level.WARN.toInt();
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "off": return OFF;
            case "error": return Level.ERROR.toInt();
            case "info": return Level.INFO.toInt();
            case "debug": return Level.DEBUG.toInt();
            case "trace": case "all": return Level.TRACE.toInt();
            default: return Level.WARN.toInt(); // "warn", or a typo: the safe default
        }
    }
}
