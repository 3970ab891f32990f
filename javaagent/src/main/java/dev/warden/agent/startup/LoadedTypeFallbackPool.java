package dev.warden.agent.startup;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Byte Buddy's type pool, reading class files as usual, that falls back to the loaded class when a
 * type has no class file: another agent's generated types. The OpenTelemetry agent, placed before
 * Warden, makes JDBC classes implement interfaces it defines at run time
 * ({@code io.opentelemetry.javaagent.bootstrap.field.VirtualFieldAccessor$…}); without the fallback,
 * resolving a driver's super types fails and its class goes ungoverned.
 */
final class LoadedTypeFallbackPool implements AgentBuilder.PoolStrategy {

    @Override
    public TypePool typePool(ClassFileLocator locator, ClassLoader loader) {
        return new Pool(locator, loader);
    }

    @Override
    public TypePool typePool(ClassFileLocator locator, ClassLoader loader, String name) {
        return typePool(locator, loader);
    }

    private static final class Pool extends TypePool.Default {
        private final ClassLoader loader;

        Pool(ClassFileLocator locator, ClassLoader loader) {
            super(new TypePool.CacheProvider.Simple(), locator, TypePool.Default.ReaderMode.FAST);
            this.loader = loader;
        }

        @Override
        protected Resolution doDescribe(String name) {
            Resolution fromClassFile = super.doDescribe(name);
            if (fromClassFile.isResolved()) {
                return fromClassFile;
            }
            try {
                // Only types without a class file get here; they are loaded already (the class
                // being transformed names them), so this defines nothing new.
                return new Resolution.Simple(TypeDescription.ForLoadedType.of(Class.forName(name, false, loader)));
            } catch (ClassNotFoundException | LinkageError e) {
                return fromClassFile;
            }
        }
    }
}
