package dev.warden.agent.startup;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.warden.agent.file.JavaIoFileInstrumentation;
import dev.warden.agent.file.JavaIoStreamInstrumentation;
import dev.warden.agent.file.NioAttributeViewInstrumentation;
import dev.warden.agent.file.NioProviderInstrumentation;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs every intercepted family. The JDK classes involved are already loaded when
 * {@code premain} runs, so they are retransformed; advice only adds code, never fields or methods
 * ({@code disableClassFormatChanges}), as retransformation requires.
 */
final class Instrumenter {

    private static final Logger LOG = LoggerFactory.getLogger(Instrumenter.class);

    private Instrumenter() {}

    static void install(Instrumentation inst, Class<?> gate) {
        AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                // Retransform only the JDK classes Warden advises, not every loaded class.
                .with(new AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Explicit(loaded(inst)))
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
                // Byte Buddy ignores boot-loader classes by default; the JDK is exactly what we advise.
                .ignore(nameStartsWith("dev.warden.").or(nameStartsWith("net.bytebuddy.")).or(isSynthetic()))
                .with(new ErrorListener())
                // Advice inlined into java.base links against the bootstrap Gate: add the read edge.
                .assureReadEdgeTo(inst, gate);
        builder = JavaIoStreamInstrumentation.register(builder);
        builder = JavaIoFileInstrumentation.register(builder);
        builder = NioProviderInstrumentation.register(builder);
        builder = NioAttributeViewInstrumentation.register(builder);
        builder.installOn(inst);
    }

    /** Names of every class an instrumentation advises that may already be loaded at start-up. */
    static final java.util.Set<String> EARLY_TYPES = java.util.Set.of(
            "java.io.FileInputStream", "java.io.FileOutputStream", "java.io.RandomAccessFile",
            "java.io.File",
            "sun.nio.fs.UnixFileSystemProvider", "sun.nio.fs.LinuxFileSystemProvider", "sun.nio.fs.BsdFileSystemProvider",
            "sun.nio.fs.MacOSXFileSystemProvider", "sun.nio.fs.AbstractFileSystemProvider", "sun.nio.fs.WindowsFileSystemProvider",
            "sun.nio.fs.UnixFileAttributeViews$Basic", "sun.nio.fs.UnixFileAttributeViews$Posix",
            "sun.nio.fs.UnixFileAttributeViews$Unix", "sun.nio.fs.LinuxDosFileAttributeView",
            "sun.nio.fs.UnixUserDefinedFileAttributeView");

    private static Class<?>[] loaded(Instrumentation inst) {
        java.util.List<Class<?>> found = new java.util.ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (EARLY_TYPES.contains(c.getName())) {
                found.add(c);
            }
        }
        return found.toArray(new Class<?>[0]);
    }

    /** A class Warden meant to advise but could not is a gap in governance: say so. */
    private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            LOG.error("Warden could not instrument {}: calls through it are not governed", typeName, error);
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                net.bytebuddy.dynamic.DynamicType dynamicType) {
            LOG.debug("instrumented {}", type.getName());
        }
    }
}
