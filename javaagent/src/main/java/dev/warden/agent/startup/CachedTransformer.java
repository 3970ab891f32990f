package dev.warden.agent.startup;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Set;

/** Serves the advised JDK classes from the {@link TransformCache}; counts what it could not serve. */
final class CachedTransformer implements ClassFileTransformer {

    /** The matched classes that declare none of the advised methods: the only ones an empty entry may stand for. */
    static final Set<String> UNADVISED = Set.of("sun.nio.fs.LinuxFileSystemProvider", "sun.nio.fs.BsdFileSystemProvider",
            "sun.nio.fs.MacOSXFileSystemProvider");

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
        if (cached != null && cached.length == 0 && UNADVISED.contains(name)) {
            return null; // matched, but none of its own methods is advised
        }
        if (cached == null || !callsTheGate(cached)) {
            cached = null;
            misses++;
        }
        return cached;
    }

    private static final byte[] GATE = "dev/warden/bootstrap/Gate".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** An advised class refers to the Gate in its constant pool; an entry that does not is not Warden's. */
    static boolean callsTheGate(byte[] classFile) {
        outer:
        for (int i = 0; i + GATE.length <= classFile.length; i++) {
            for (int j = 0; j < GATE.length; j++) {
                if (classFile[i + j] != GATE[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    int misses() {
        return misses;
    }
}
