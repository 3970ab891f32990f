package dev.warden.agent.file;

import java.io.File;
import java.lang.reflect.Field;

/**
 * The path a {@code java.io.File} really holds: its private {@code path} field, which the JDK's
 * native code uses. A subclass may override {@code getPath()} to show Warden something else.
 * ({@code java.io} is opened to Warden at start-up.)
 */
final class FilePathField {

    private static final Field PATH = field();

    private FilePathField() {}

    static String of(File file) {
        try {
            return (String) PATH.get(file);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalStateException("cannot read java.io.File.path", e);
        }
    }

    private static Field field() {
        try {
            Field f = File.class.getDeclaredField("path");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
