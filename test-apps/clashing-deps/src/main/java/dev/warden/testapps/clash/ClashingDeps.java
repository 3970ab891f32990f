package dev.warden.testapps.clash;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application that brings its own Byte Buddy, Chronicle Queue, Jackson and SLF4J (other versions
 * than Warden's) and uses each. Arguments: a file to read, a directory for its own queue.
 * Prints one {@code name=value} line per library.
 */
public final class ClashingDeps {

    public static void main(String[] args) throws Exception {
        Class<?> generated = new ByteBuddy().subclass(Object.class)
                .method(ElementMatchers.named("toString")).intercept(FixedValue.value("generated"))
                .make().load(ClashingDeps.class.getClassLoader()).getLoaded();
        System.out.println("bytebuddy=" + generated.getDeclaredConstructor().newInstance()
                + " " + jarOf(ByteBuddy.class));

        System.out.println("jackson=" + new ObjectMapper().writeValueAsString(Map.of("tool", "read"))
                + " " + jarOf(ObjectMapper.class));

        Logger log = LoggerFactory.getLogger(ClashingDeps.class);
        log.info("the application's own logger");
        System.out.println("slf4j=" + LoggerFactory.getILoggerFactory().getClass().getName() + " " + jarOf(LoggerFactory.class));

        try (ChronicleQueue queue = ChronicleQueue.singleBuilder(args[1]).build()) {
            ExcerptAppender appender = queue.createAppender();
            appender.writeText("the application's own queue");
            ExcerptTailer tailer = queue.createTailer();
            System.out.println("chronicle=" + tailer.readText() + " " + jarOf(ChronicleQueue.class));
        }

        try (InputStream in = new FileInputStream(args[0])) {
            System.out.println("file=" + new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }

    /** The jar a class was loaded from: proves which copy of a library the application got. */
    private static String jarOf(Class<?> c) {
        String location = c.getProtectionDomain().getCodeSource().getLocation().getPath();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
