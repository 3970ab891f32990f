package dev.warden.agent.startup;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/**
 * Opens the JDK internals Warden needs — Chronicle Queue's, and {@code jdk.internal.misc} to define
 * the bootstrap API — to Warden's own module only, so users pass no
 * {@code --add-opens} flags. Manifest {@code Add-Opens} entries are ignored for {@code -javaagent}
 * (they apply to {@code java -jar} only), but {@code Instrumentation.redefineModule} works from
 * {@code premain}. See Chronicle's own list of required flags in its README ("Java 17+").
 */
final class ModuleOpener {

    private ModuleOpener() {}

    static void openForWarden(Instrumentation inst) {
        Module javaBase = Object.class.getModule();
        Set<Module> warden = Set.of(ModuleOpener.class.getModule());
        inst.redefineModule(
                javaBase,
                Set.of(),
                Map.of("sun.nio.ch", warden, "jdk.internal.ref", warden, "jdk.internal.misc", warden,
                        // HttpURLConnection's header list, for the baggage header (warden.propagate)
                        "sun.net.www", warden),
                Map.of("java.lang", warden, "java.lang.reflect", warden, "java.nio", warden,
                        "java.io", warden, "java.util", warden),
                Set.of(),
                Map.of());
    }
}
