package dev.warden.bench;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Open + read 4 KiB + close of a file six directories deep with {@code FileInputStream}: without
 * the agent, and with it allowing the read from its cache. The subclasses differ only in the
 * forked JVM's flags, so one JMH run measures all of them on the same machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2)
public class FileReadBenchmark {

    static final Path DATA = Path.of(System.getProperty("java.io.tmpdir"), "warden-bench", "data", "a", "b", "c", "d", "e", "f");
    private final byte[] buffer = new byte[4096];
    private String file;

    @Setup
    public void createFile() throws IOException {
        Files.createDirectories(DATA);
        Path f = DATA.resolve("4k.bin");
        if (!Files.exists(f)) {
            Files.write(f, new byte[4096]);
        }
        file = f.toString();
    }

    @Benchmark
    public int openRead4kClose() throws IOException {
        try (FileInputStream in = new FileInputStream(file)) {
            return in.read(buffer);
        }
    }

    /** With the agent, every call recorded in the audit trail ({@code warden.audit.level = all}). */
    @Fork(value = 2, jvmArgsAppend = {"-javaagent:../javaagent/target/warden-agent.jar=config=policies/file-audit-all.properties"})
    public static class WithAgentAuditAll extends FileReadBenchmark {}

    /** With the agent, only denials recorded ({@code warden.audit.level = denials}). */
    @Fork(value = 2, jvmArgsAppend = {"-javaagent:../javaagent/target/warden-agent.jar=config=policies/file-audit-denials.properties"})
    public static class WithAgentAuditDenials extends FileReadBenchmark {}
}
