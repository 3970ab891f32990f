package dev.warden.agent.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

class WardenLoggerTest {

    @Test
    void slf4jFindsWardensProvider() {
        assertInstanceOf(WardenLoggerFactory.class, LoggerFactory.getILoggerFactory());
    }

    @Test
    void warnAndErrorArePrintedWithThePrefixInfoIsNot() {
        String printed = capture(() -> {
            Logger log = new WardenLogger("net.openhft.chronicle.core.Jvm", LogLevel.parse(null));
            log.info("Chronicle core loaded from {}", "somewhere");
            log.debug("chatter");
            log.warn("disk {} is {}% full", "/var", 95);
            log.error("broken");
        });
        assertEquals("[warden] WARN Jvm: disk /var is 95% full\n[warden] ERROR Jvm: broken\n", printed.replace("\r", ""));
    }

    @Test
    void theLevelIsConfigurable() {
        assertEquals(Level.WARN.toInt(), LogLevel.parse("warn"));
        assertEquals(Level.DEBUG.toInt(), LogLevel.parse(" DEBUG "));
        assertEquals(LogLevel.OFF, LogLevel.parse("off"));
        assertEquals(Level.WARN.toInt(), LogLevel.parse("nonsense"));
        Logger quiet = new WardenLogger("x", LogLevel.parse("off"));
        assertFalse(quiet.isErrorEnabled());
        Logger chatty = new WardenLogger("x", LogLevel.parse("info"));
        assertTrue(chatty.isInfoEnabled());
        assertFalse(chatty.isDebugEnabled());
    }

    @Test
    void chroniclesExpectedAffinityWarningIsQuietAtTheDefaultLevel() {
        int warn = LogLevel.parse("warn");
        assertEquals(Level.ERROR.toInt(), new WardenLoggerFactory(warn).thresholdFor("dev.warden.shaded.openhft.affinity.Affinity"));
        assertEquals(warn, new WardenLoggerFactory(warn).thresholdFor("dev.warden.shaded.openhft.chronicle.queue.X"));
        int debug = LogLevel.parse("debug");
        assertEquals(debug, new WardenLoggerFactory(debug).thresholdFor("net.openhft.affinity.Affinity"));
    }

    private static String capture(Runnable body) {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
