package dev.warden.agent.startup;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * Defines Warden's bootstrap API ({@code dev.warden.bootstrap.*}) in the bootstrap class loader,
 * where advice inlined into {@code java.base} classes can link against it.
 *
 * <p>Appending a jar with {@code Instrumentation.appendToBootstrapClassLoaderSearch} would do, but
 * it makes HotSpot print "Sharing is only supported for boot loader classes because bootstrap
 * classpath has been appended" on every start. Defining the classes directly (Byte Buddy's
 * {@code ClassInjector.UsingUnsafe}, unlocked through the {@code Instrumentation}) avoids it; the
 * append route stays as the fallback for JVMs where that is not available.
 */
public final class BootstrapInjector {

    static final String PREFIX = "META-INF/warden/bootstrap/";
    static final String SUFFIX = ".classdata";

    private BootstrapInjector() {}

    /** Injects the classes and returns the bootstrap {@code Gate} class. */
    public static Class<?> inject(Instrumentation inst, Path agentJar) throws Exception {
        Map<String, byte[]> classes = readClasses(agentJar);
        if (classes.isEmpty()) {
            throw new IllegalStateException("no bootstrap classes in " + agentJar + " (" + PREFIX + ")");
        }
        if (!defineWithInternalUnsafe(classes)) {
            java.io.File dir = java.nio.file.Files.createTempDirectory("warden-boot").toFile();
            dir.deleteOnExit();
            ClassInjector.UsingInstrumentation.of(dir, ClassInjector.UsingInstrumentation.Target.BOOTSTRAP, inst)
                    .injectRaw(classes);
        }
        return Class.forName("dev.warden.bootstrap.Gate", true, null);
    }

    /**
     * {@code jdk.internal.misc.Unsafe.defineClass} with a {@code null} loader defines a class in the
     * bootstrap loader (JDK 17 to 25). {@link ModuleOpener} has exported the package to Warden. This
     * costs a millisecond where Byte Buddy's {@code ClassInjector.UsingUnsafe} costs ~250 ms of
     * class generation at start-up.
     */
    private static boolean defineWithInternalUnsafe(Map<String, byte[]> classes) {
        try {
            Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
            Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
            java.lang.reflect.Method define = unsafeClass.getMethod("defineClass", String.class, byte[].class,
                    int.class, int.class, ClassLoader.class, java.security.ProtectionDomain.class);
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                define.invoke(unsafe, c.getKey(), c.getValue(), 0, c.getValue().length, null, null);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Interfaces first, so a class is never defined before a type it implements. */
    private static Map<String, byte[]> readClasses(Path agentJar) throws IOException {
        Map<String, byte[]> interfaces = new LinkedHashMap<>();
        Map<String, byte[]> others = new LinkedHashMap<>();
        try (JarFile jar = new JarFile(agentJar.toFile(), false)) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                String name = e.getName();
                if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
                    String className = name.substring(PREFIX.length(), name.length() - SUFFIX.length()).replace('/', '.');
                    try (InputStream in = jar.getInputStream(e)) {
                        byte[] bytes = in.readAllBytes();
                        (isInterface(bytes) ? interfaces : others).put(className, bytes);
                    }
                }
            }
        }
        interfaces.putAll(others);
        return interfaces;
    }

    /** Reads the class's access flags with the ASM copy Byte Buddy bundles. */
    private static boolean isInterface(byte[] b) {
        net.bytebuddy.jar.asm.ClassReader reader = new net.bytebuddy.jar.asm.ClassReader(b);
        return (reader.getAccess() & net.bytebuddy.jar.asm.Opcodes.ACC_INTERFACE) != 0;
    }

    /** The jar this class was loaded from. */
    public static Path agentJar() throws URISyntaxException {
        return Path.of(BootstrapInjector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
