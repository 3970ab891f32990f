package dev.warden.agent.log;

import java.io.PrintStream;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * Prints one line per event to stderr: {@code [warden] WARN ChronicleAuditTrail: message}, the
 * throwable's stack trace after it. Levels below the threshold cost one comparison, which is what
 * keeps Chronicle's INFO and DEBUG chatter silent.
 */
final class WardenLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    private final transient int threshold;
    private final String shortName;

    WardenLogger(String name, int threshold) {
        this.name = name;
        this.threshold = threshold;
        this.shortName = name.substring(name.lastIndexOf('.') + 1);
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
            Throwable thrown) {
        String message = MessageFormatter.basicArrayFormat(pattern, args);
        String line = "[warden] " + level + " " + shortName + ": " + message;
        // System.err at the time of the call: the application may have replaced it.
        PrintStream err = System.err;
        synchronized (err) {
            err.println(line);
            if (thrown != null) {
                thrown.printStackTrace(err);
            }
        }
    }
}
