package dev.warden.agent.startup;

import dev.warden.agent.governor.WardenThreads;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Advises the classes that load after start-up — the JDK's HTTP clients and socket channels, the
 * HTTP and mail libraries an application brings (OkHttp, Apache HttpClient, Reactor Netty, Jakarta
 * Mail, javax.mail), and every JDBC driver, pool and wrapper — without paying for Byte Buddy until
 * one of them appears.
 *
 * <p>Each class load costs a set lookup of its name, and a scan of its bytes for {@code java/sql/}
 * ({@link JdbcCandidates}): JDBC classes are recognised by the interfaces they implement, which
 * Byte Buddy then resolves for the few candidates. A class Warden advises is served from the
 * {@link TransformCache} when these exact class bytes were advised before (the key is the name and
 * a CRC of the bytes the class loader defines, which are the class file's own); otherwise Byte
 * Buddy is loaded, once, and advises it, and the result is stored for the next start.
 */
final class LateTransformer implements ClassFileTransformer {

    private static final Logger LOG = LoggerFactory.getLogger(LateTransformer.class);

    private final Instrumentation inst;
    private final Module gateModule;
    private final Set<String> internalNames;
    private final TransformCache cache;
    private final Supplier<ClassFileTransformer> byteBuddy;
    private volatile ClassFileTransformer loaded;

    LateTransformer(Instrumentation inst, Class<?> gate, Set<String> internalNames, TransformCache cache,
            Supplier<ClassFileTransformer> byteBuddy) {
        this.inst = inst;
        this.gateModule = gate.getModule();
        this.internalNames = internalNames;
        this.cache = cache;
        this.byteBuddy = byteBuddy;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> redefining,
            ProtectionDomain domain, byte[] original) {
        if (internalName == null) {
            return null;
        }
        boolean jdbc = !internalNames.contains(internalName);
        if (jdbc && !JdbcCandidates.mayImplementJdbc(internalName, original)) {
            return null;
        }
        byte[][] result = new byte[1][];
        WardenThreads.runAsWarden(() -> result[0] = advise(module, loader, internalName, redefining, domain, original, jdbc));
        return result[0];
    }

    private byte[] advise(Module module, ClassLoader loader, String internalName, Class<?> redefining,
            ProtectionDomain domain, byte[] original, boolean jdbc) {
        try {
            if (module != null && module.isNamed() && !module.canRead(gateModule)) {
                // Advice in a named module (java.net.http) links against the bootstrap Gate.
                inst.redefineModule(module, Set.of(gateModule), Map.of(), Map.of(), Set.of(), Map.of());
            }
            // Retransformed bytes are reconstituted by the JVM and differ from run to run: never cached.
            String key = redefining == null && cache != null ? cacheKey(internalName, original) : null;
            if (key != null) {
                byte[] cached = cache.get(key);
                if (cached != null && cached.length > 0 && CachedTransformer.callsTheGate(cached)) {
                    return cached;
                }
                if (cached != null && cached.length == 0 && jdbc) {
                    return null; // looked at before: it implements no JDBC interface
                }
            }
            byte[] advised = byteBuddy().transform(module, loader, internalName, redefining, domain, original);
            if (jdbc && advised != null && (redefining == null || JdbcStateField.has(redefining))) {
                advised = JdbcStateField.add(advised);
            }
            if (key != null && advised != null && CachedTransformer.callsTheGate(advised)) {
                cache.put(key, advised);
            } else if (key != null && advised == null && jdbc) {
                cache.put(key, new byte[0]);
            }
            return advised;
        } catch (Throwable e) {
            LOG.error("Warden could not instrument {}: calls through it are not governed", internalName.replace('/', '.'), e);
            return null;
        }
    }

    private ClassFileTransformer byteBuddy() {
        ClassFileTransformer t = loaded;
        if (t == null) {
            synchronized (this) {
                t = loaded;
                if (t == null) {
                    t = byteBuddy.get();
                    loaded = t;
                }
            }
        }
        return t;
    }

    /**
     * Retransforms the advised classes that were loaded before this transformer was installed: those
     * named, and, when Warden was attached to a running JVM, its JDBC classes too.
     */
    void retransformLoaded(boolean attached) {
        java.util.List<Class<?>> loadedAlready = new java.util.ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (internalNames.contains(c.getName().replace('.', '/')) && inst.isModifiableClass(c)) {
                loadedAlready.add(c);
            }
        }
        retransform(loadedAlready);
        if (attached) {
            retransform(LoadedJdbcClasses.find(inst));
        }
    }

    private void retransform(java.util.List<Class<?>> classes) {
        if (classes.isEmpty()) {
            return;
        }
        try {
            inst.retransformClasses(classes.toArray(new Class<?>[0]));
        } catch (Exception | LinkageError e) {
            // One class the JVM refuses fails the whole call: try each alone, so the others are governed.
            for (Class<?> c : classes) {
                try {
                    inst.retransformClasses(c);
                } catch (Exception | LinkageError one) {
                    LOG.error("Warden could not instrument {}: calls through it are not governed", c.getName(), one);
                }
            }
        }
    }

    private static String cacheKey(String internalName, byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return "late." + internalName.replace('/', '.') + "." + bytes.length + "." + Long.toHexString(crc.getValue());
    }
}
