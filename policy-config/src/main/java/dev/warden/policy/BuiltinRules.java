package dev.warden.policy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in rules of policy.md.
 *
 * <ul>
 *   <li>{@code warden-self} (always on): deny {@code file.write} and {@code file.delete} of the
 *       policy file, the audit directory and everything in it, and the kill-switch file, as written
 *       and as real paths; and {@code file.delete} (which is also the source of a move) of the
 *       directories that contain them, so they cannot be moved away. Also the agent's
 *       transformation cache, {@code ${user.home}/.cache/warden/**}, and the agent jar: what they
 *       hold becomes code in {@code java.base} at the next start (their directories too cannot be
 *       moved away). Never relaxed by monitor mode.
 *   <li>{@code jvm} (unless {@code warden.builtin.jvm = false}): allow {@code file.read} of the JVM's
 *       own files: {@code java.home} (the path as written under {@code java.home}, or the real path
 *       under its real path, since on Debian {@code cacerts} and {@code java.security} link into
 *       {@code /etc}), each class-path and module-path entry (a jar exactly, a directory and
 *       everything in it), the jars of the other Java agents on the command line (which the agent names
 *       in {@code warden.jvm.agents}), the trust store, {@code /dev/random} and {@code /dev/urandom}.
 * </ul>
 */
final class BuiltinRules {

    static final String SELF_REASON = "Warden's own files are protected";

    private BuiltinRules() {}

    static List<Rule> warden(Path policyFile, Settings settings) {
        List<Path> files = new ArrayList<>();
        files.add(policyFile);
        if (settings.killswitchFile() != null) {
            files.add(settings.killswitchFile());
        }
        Map<String, TargetMatcher> own = new LinkedHashMap<>();
        Map<String, TargetMatcher> containers = new LinkedHashMap<>();
        for (Path f : files) {
            addWrittenAndReal(own, f, false);
        }
        addWrittenAndReal(own, settings.auditDir(), true);
        Path cache = transformationCache();
        if (cache != null) {
            addWrittenAndReal(own, cache, true);
            files.add(cache);
        }
        Path agentJar = agentJar();
        if (agentJar != null) {
            addWrittenAndReal(own, agentJar, false);
            files.add(agentJar);
        }
        files.add(settings.auditDir());
        for (Path f : files) {
            for (Path p : List.of(f, RealPaths.resolve(f))) {
                for (Path dir = p.getParent(); dir != null && dir.getParent() != null; dir = dir.getParent()) {
                    containers.putIfAbsent(dir.toString(), PathPattern.literal(dir, false));
                }
            }
        }
        return List.of(self(List.of(Action.FILE_WRITE, Action.FILE_DELETE), own),
                self(List.of(Action.FILE_DELETE), containers));
    }

    /**
     * The agent jar, which the agent names in the system property {@code warden.agent.jar} before it
     * loads the policy: replacing it, or the cache keyed on it, changes the code in {@code java.base}.
     */
    static Path agentJar() {
        String jar = System.getProperty("warden.agent.jar");
        try {
            return jar == null || jar.isEmpty() ? null : Path.of(jar).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Where the agent keeps the JDK classes it advised (javaagent's TransformCache). */
    static Path transformationCache() {
        String home = System.getProperty("user.home");
        if (home == null || home.isEmpty() || home.equals("?")) {
            return null;
        }
        try {
            return Path.of(home, ".cache", "warden").toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static Rule self(List<Action> actions, Map<String, TargetMatcher> targets) {
        RuleParts r = builtin("warden-self", Effect.DENY, actions);
        r.reason = SELF_REASON;
        r.enforcedAlways = true;
        r.targets = targets.values().toArray(new TargetMatcher[0]);
        r.targetsText = List.copyOf(targets.keySet());
        return new Rule(r);
    }

    static Rule jvm(Overrides jvm, Path baseDir) {
        Map<String, TargetMatcher> real = new LinkedHashMap<>();
        Path javaHome = path(jvm.jvmProperty("java.home"), baseDir);
        TargetMatcher[] written = null;
        if (javaHome != null) {
            written = new TargetMatcher[] {PathPattern.literal(javaHome, true)};
            addWrittenAndReal(real, javaHome, true);
            linkedConfiguration(real, javaHome);
        }
        // warden.jvm.agents: the other -javaagent jars, which the JVM adds to the class path only later.
        for (String property : List.of("java.class.path", "jdk.module.path", "warden.jvm.agents")) {
            String value = jvm.jvmProperty(property);
            for (String entry : value == null ? new String[0] : value.split(File.pathSeparator)) {
                Path p = path(entry, baseDir);
                if (p != null) {
                    addWrittenAndReal(real, p, Files.isDirectory(p));
                }
            }
        }
        Path trustStore = path(jvm.jvmProperty("javax.net.ssl.trustStore"), baseDir);
        for (Path p : new Path[] {trustStore, Path.of("/dev/random"), Path.of("/dev/urandom")}) {
            if (p != null) {
                addWrittenAndReal(real, p, false);
            }
        }
        RuleParts r = builtin("jvm", Effect.ALLOW, List.of(Action.FILE_READ));
        r.reason = "the JVM's own files";
        r.targets = real.values().toArray(new TargetMatcher[0]);
        r.targetsText = List.copyOf(real.keySet());
        r.writtenTargets = written;
        return new Rule(r);
    }

    /**
     * Where the JDK's configuration links point: Debian links {@code conf/net.properties},
     * {@code conf/security/java.security} and {@code lib/security/cacerts} into {@code /etc}, and the
     * JDK opens some of them by their canonical path ({@code sun.net.NetProperties} reads
     * {@code net.properties} through {@code File.getCanonicalPath}), which is neither under
     * {@code java.home} as written nor under its real path.
     */
    private static void linkedConfiguration(Map<String, TargetMatcher> into, Path javaHome) {
        for (Path dir : List.of(javaHome.resolve("conf"), javaHome.resolve("lib").resolve("security"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (java.util.stream.Stream<Path> all = Files.walk(dir, 4)) {
                all.filter(Files::isSymbolicLink).forEach(link -> {
                    Path target = RealPaths.resolve(link);
                    into.putIfAbsent(target.toString(), PathPattern.literal(target, Files.isDirectory(target)));
                });
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // an unreadable configuration directory: the JVM cannot read it either
            }
        }
    }

    private static RuleParts builtin(String name, Effect effect, List<Action> actions) {
        RuleParts r = new RuleParts(name, 0);
        r.builtin = true;
        r.effect = effect;
        r.actions = actions;
        return r;
    }

    /** Adds {@code p} and its real path (when it differs), keyed by their text for {@code policy explain}. */
    private static void addWrittenAndReal(Map<String, TargetMatcher> into, Path p, boolean subtree) {
        for (Path q : List.of(p, RealPaths.resolve(p))) {
            String text = subtree ? q + (q.toString().endsWith("/") ? "**" : "/**") : q.toString();
            into.putIfAbsent(text, PathPattern.literal(q, subtree));
        }
    }

    private static Path path(String value, Path baseDir) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return baseDir.resolve(value).normalize();
        } catch (InvalidPathException e) {
            return null; // a class-path entry the file system cannot name cannot be opened either
        }
    }
}
