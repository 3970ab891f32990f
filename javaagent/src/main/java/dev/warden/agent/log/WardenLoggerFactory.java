package dev.warden.agent.log;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/** One {@link WardenLogger} per name, all sharing the threshold read when SLF4J initialized. */
final class WardenLoggerFactory implements ILoggerFactory {

    /**
     * Chronicle's CPU-affinity library warns at start-up that JNA is missing ("Linux JNA-based
     * affinity not usable due to JNA not being available!"). Warden leaves JNA out of its jar on
     * purpose (see javaagent/pom.xml), so at the default level these loggers print errors only.
     */
    private static final String EXPECTED_WARNINGS = "openhft.affinity.";

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final int threshold;

    WardenLoggerFactory(int threshold) {
        this.threshold = threshold;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new WardenLogger(n, thresholdFor(n)));
    }

    int thresholdFor(String name) {
        if (threshold == Level.WARN.toInt() && name.contains(EXPECTED_WARNINGS)) {
            return Level.ERROR.toInt();
        }
        return threshold;
    }
}
