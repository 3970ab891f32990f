package dev.warden.agent.startup;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Set;

/** Serves the advised JDK classes from the {@link TransformCache}; counts what it could not serve. */
final class CachedTransformer implements ClassFileTransformer {

    private final TransformCache cache;
    private final Set<String> names;
    private volatile int misses;

    CachedTransformer(TransformCache cache, Set<String> names) {
        this.cache = cache;
        this.names = names;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> redefining,
            ProtectionDomain domain, byte[] original) {
        if (internalName == null || loader != null) {
            return null;
        }
        String name = internalName.replace('/', '.');
        if (!names.contains(name)) {
            return null;
        }
        byte[] cached = cache.get(name);
        if (cached == null) {
            misses++;
        }
        return cached;
    }

    int misses() {
        return misses;
    }
}
