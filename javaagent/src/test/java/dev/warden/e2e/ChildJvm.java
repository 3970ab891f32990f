package dev.warden.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A program from test-apps/ running in its own JVM, optionally under the real agent jar. */
final class ChildJvm implements AutoCloseable {

    static final Path AGENT_JAR = Path.of(System.getProperty("warden.agent.jar", "target/warden-agent.jar")).toAbsolutePath();
    static final Path TEST_APPS = Path.of(System.getProperty("warden.test-apps", "../test-apps")).toAbsolutePath();

    private final Process process;
    private final List<String> out = Collections.synchronizedList(new ArrayList<>());
    private final List<String> err = Collections.synchronizedList(new ArrayList<>());
    private final Thread outPump;
    private final Thread errPump;

    private ChildJvm(Process process) {
        this.process = process;
        this.outPump = pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), out);
        this.errPump = pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), err);
    }

    /** {@code java [-javaagent:warden-agent.jar=config=POLICY] [jvmArgs] -cp CP MAIN args}. */
    static ChildJvm start(Path jdk, Path policy, List<String> jvmArgs, String classpath, String main, List<String> args, Path workDir)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.resolve("bin/java").toString());
        if (policy != null) {
            cmd.add("-javaagent:" + AGENT_JAR + "=config=" + policy);
        }
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(main);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("WARDEN_") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        return new ChildJvm(pb.start());
    }

    /** Runs {@code java -jar warden-agent.jar args} and returns its result. */
    static Result cli(Path jdk, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(jdk.resolve("bin/java").toString(), "-jar", AGENT_JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        try (ChildJvm c = new ChildJvm(pb.start())) {
            return c.await(60);
        }
    }

    static String fileToolClasspath() {
        Path jar = TEST_APPS.resolve("file-tool/target/file-tool.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build test-apps first (mvn verify builds everything)");
        }
        return jar.toString();
    }

    Result await(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child JVM did not finish in " + seconds + " s; stdout=" + out + " stderr=" + err);
        }
        outPump.join(5000);
        errPump.join(5000);
        return new Result(process.exitValue(), List.copyOf(out), List.copyOf(err));
    }

    /** Waits until the program prints {@code line} on stdout. */
    void waitForLine(String line, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (out.contains(line)) {
                return;
            }
            if (!process.isAlive() && !out.contains(line)) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no '" + line + "' from the child JVM; stdout=" + out + " stderr=" + err);
    }

    void sendLine(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** {@code kill -9}: no shutdown hook, no flush. */
    void killHard() throws Exception {
        new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start().waitFor();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    List<String> stdout() {
        return List.copyOf(out);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static Thread pump(BufferedReader reader, List<String> sink) {
        Thread t = new Thread(() -> {
            try (reader) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    record Result(int exitCode, List<String> stdout, List<String> stderr) {
        String line(String prefix) {
            return stdout.stream().filter(l -> l.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in " + stdout + "; stderr=" + stderr));
        }
    }
}
