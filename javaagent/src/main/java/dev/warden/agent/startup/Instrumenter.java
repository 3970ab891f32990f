package dev.warden.agent.startup;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.warden.agent.exit.ExitInstrumentation;
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

    /** Warden's own classes (not {@code dev.warden.testapps}, which are applications like any other). */
    private static final net.bytebuddy.matcher.ElementMatcher.Junction<TypeDescription> WARDEN_OWN =
            nameStartsWith("dev.warden.agent.").or(nameStartsWith("dev.warden.bootstrap."))
                    .or(nameStartsWith("dev.warden.policy.")).or(nameStartsWith("dev.warden.cli."))
                    .or(nameStartsWith("dev.warden.shaded."));

    /**
     * Advises the JDK classes: from the {@link TransformCache} when it holds every one of them for
     * exactly these class bytes, else with Byte Buddy (and fills the cache for the next start).
     */
    static void install(Instrumentation inst, Class<?> gate, java.nio.file.Path agentJar, boolean attached) {
        Class<?>[] targets = loadTargets();
        TransformCache cache = TransformCache.open(agentJar);
        if (cache != null) {
            CachedTransformer cached = installFromCache(inst, gate, cache, targets);
            if (cached != null && Canary.check()) {
                StartupTimer.phase("classes instrumented from the cache");
                installLate(inst, gate, cache, attached);
                return;
            }
            if (cached != null) {
                // An entry Warden did not make (or a damaged one): back to the originals, then Byte Buddy.
                LOG.warn("the transformation cache in {} did not advise the JDK classes; ignoring it", cache);
                inst.removeTransformer(cached);
            }
        }
        int errors = installWithByteBuddy(inst, gate, targets, cache);
        StartupTimer.phase("classes instrumented by Byte Buddy");
        if (errors > 0 || !Canary.check()) {
            throw new IllegalStateException("the JDK's file classes could not be advised; file calls would go ungoverned");
        }
        installLate(inst, gate, cache, attached);
    }

    /**
     * The classes that load later (HTTP clients, socket channels): advised as they load, by
     * {@link LateTransformer}; those already loaded (an attach, or a class start-up used) are
     * retransformed now.
     */
    private static void installLate(Instrumentation inst, Class<?> gate, TransformCache cache, boolean attached) {
        LateTypes.registerReaders();
        java.util.Set<String> internalNames = new java.util.HashSet<>();
        for (String name : LateTypes.ALL) {
            internalNames.add(name.replace('.', '/'));
        }
        LateTransformer late = new LateTransformer(inst, gate, java.util.Set.copyOf(internalNames), cache,
                () -> lateByteBuddy(inst, gate));
        inst.addTransformer(late, true);
        late.retransformLoaded(attached);
        StartupTimer.phase("late classes watched");
    }

    /** Byte Buddy's transformer for the late classes, made the first time one of them needs advising. */
    private static java.lang.instrument.ClassFileTransformer lateByteBuddy(Instrumentation inst, Class<?> gate) {
        AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
                .with(new LoadedTypeFallbackPool())
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .ignore(WARDEN_OWN.or(nameStartsWith("net.bytebuddy.")).or(isSynthetic()))
                .with(new ErrorListener(null))
                .assureReadEdgeTo(inst, gate);
        return LateTypes.register(builder).makeRaw();
    }

    /** Every advised JDK class this JVM has, loaded now so that all are advised (and cached) at once. */
    private static Class<?>[] loadTargets() {
        java.util.List<Class<?>> found = new java.util.ArrayList<>();
        for (String name : EARLY_TYPES) {
            try {
                found.add(Class.forName(name, false, null));
            } catch (ClassNotFoundException | LinkageError e) {
                // another platform's class (Windows, macOS): not in this JDK
            }
        }
        return found.toArray(new Class<?>[0]);
    }

    /** The installed cache transformer, or {@code null} when the cache could not advise every class. */
    private static CachedTransformer installFromCache(Instrumentation inst, Class<?> gate, TransformCache cache, Class<?>[] targets) {
        for (Class<?> c : targets) {
            if (!cache.has(c.getName())) {
                return null;
            }
        }
        // The advice in java.base links against the bootstrap Gate (Byte Buddy's assureReadEdgeTo does this otherwise).
        inst.redefineModule(Object.class.getModule(), java.util.Set.of(gate.getModule()),
                java.util.Map.of(), java.util.Map.of(), java.util.Set.of(), java.util.Map.of());
        CachedTransformer cached = new CachedTransformer(cache, EARLY_TYPES);
        inst.addTransformer(cached, true);
        try {
            inst.retransformClasses(targets);
            if (cached.misses() == 0) {
                return cached;
            }
        } catch (Exception | LinkageError e) {
            LOG.warn("the transformation cache in {} holds a class the JVM refused; ignoring it", cache, e);
        }
        // Undo, so that Byte Buddy starts from the original classes.
        inst.removeTransformer(cached);
        try {
            inst.retransformClasses(targets);
        } catch (Exception | LinkageError e) {
            throw new IllegalStateException("cannot restore the JDK's file classes", e);
        }
        return null;
    }

    /** Returns how many classes Byte Buddy failed to advise. */
    private static int installWithByteBuddy(Instrumentation inst, Class<?> gate, Class<?>[] targets,
            TransformCache cache) {
        ErrorListener listener = new ErrorListener(cache);
        AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                // Retransform only the JDK classes Warden advises, not every loaded class.
                .with(new AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Explicit(targets))
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
                // Byte Buddy ignores boot-loader classes by default; the JDK is exactly what we advise.
                .ignore(WARDEN_OWN.or(nameStartsWith("net.bytebuddy.")).or(isSynthetic()))
                .with(listener)
                // Advice inlined into java.base links against the bootstrap Gate: add the read edge.
                .assureReadEdgeTo(inst, gate);
        builder = JavaIoStreamInstrumentation.register(builder);
        builder = JavaIoFileInstrumentation.register(builder);
        builder = NioProviderInstrumentation.register(builder);
        builder = NioAttributeViewInstrumentation.register(builder);
        builder = ExitInstrumentation.register(builder);
        builder.installOn(inst);
        return listener.errors;
    }

    /** Every JDK class an instrumentation advises, on any platform (what the cache holds). */
    static final java.util.Set<String> EARLY_TYPES = java.util.Set.of(
            "java.io.FileInputStream", "java.io.FileOutputStream", "java.io.RandomAccessFile",
            "java.io.File",
            "sun.nio.fs.UnixFileSystemProvider", "sun.nio.fs.LinuxFileSystemProvider", "sun.nio.fs.BsdFileSystemProvider",
            "sun.nio.fs.MacOSXFileSystemProvider", "sun.nio.fs.AbstractFileSystemProvider", "sun.nio.fs.WindowsFileSystemProvider",
            "sun.nio.fs.UnixFileAttributeViews$Basic", "sun.nio.fs.UnixFileAttributeViews$Posix",
            "sun.nio.fs.UnixFileAttributeViews$Unix", "sun.nio.fs.LinuxDosFileAttributeView",
            "sun.nio.fs.UnixUserDefinedFileAttributeView",
            ExitInstrumentation.TYPE);

    /** Reports a class Warden meant to advise but could not (a gap in governance); caches the ones it did. */
    static final class ErrorListener extends AgentBuilder.Listener.Adapter {
        private final TransformCache cache;
        volatile int errors;

        ErrorListener(TransformCache cache) {
            this.cache = cache;
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            errors++;
            LOG.error("Warden could not instrument {}: calls through it are not governed", typeName, error);
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                net.bytebuddy.dynamic.DynamicType dynamicType) {
            LOG.debug("instrumented {}", type.getName());
            if (cache != null && loader == null && EARLY_TYPES.contains(type.getName())) {
                byte[] bytes = dynamicType.getBytes();
                // A class matched without an advised method of its own is cached as "unchanged".
                if (CachedTransformer.callsTheGate(bytes) || CachedTransformer.UNADVISED.contains(type.getName())) {
                    cache.put(type.getName(), CachedTransformer.callsTheGate(bytes) ? bytes : new byte[0]);
                }
            }
        }
    }
}
