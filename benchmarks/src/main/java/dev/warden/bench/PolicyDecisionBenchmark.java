package dev.warden.bench;

import dev.warden.policy.Action;
import dev.warden.policy.Overrides;
import dev.warden.policy.Policy;
import dev.warden.policy.PolicyLoader;
import dev.warden.policy.Verdict;
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
 * A cached policy decision, measured on the policy engine alone: the example policy of policy.md
 * plus file rules, deciding a path it has seen before. Run with {@code -prof gc} to see that it
 * allocates nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class PolicyDecisionBenchmark {

    private Policy policy;
    private final String path = "/srv/kb/handbook/chapter-3.md";

    @Setup
    public void load() throws Exception {
        Path file = Files.createTempFile("warden-bench", ".properties");
        Files.writeString(file, String.join("\n",
                "warden.agent.id = bench",
                "warden.agent.role = support",
                "warden.audit.dir = " + Files.createTempDirectory("warden-bench-audit"),
                "warden.rule.docs.actions = file.read",
                "warden.rule.docs.targets = /srv/kb/**",
                "warden.rule.docs.effect = allow",
                "warden.rule.no-keys.actions = file.*",
                "warden.rule.no-keys.targets = /srv/**/*.pem, /home/*/.ssh/**",
                "warden.rule.no-keys.effect = deny",
                "warden.rule.crm-read.actions = http.GET",
                "warden.rule.crm-read.targets = https://crm.example.com/api/**",
                "warden.rule.crm-read.effect = allow",
                "warden.rule.tickets.actions = sql.SELECT, sql.INSERT, sql.UPDATE",
                "warden.rule.tickets.targets = tickets, ticket_comments",
                "warden.rule.tickets.effect = allow",
                "warden.rule.no-erase.actions = sql.DELETE, sql.DROP, sql.TRUNCATE",
                "warden.rule.no-erase.effect = deny",
                ""));
        policy = PolicyLoader.load(file, Overrides.none());
    }

    @Benchmark
    public Verdict cachedFileDecision() {
        return policy.decidePath(Action.FILE_READ, path, path);
    }

    @Benchmark
    public Verdict cachedSqlDecision() {
        return policy.decide(Action.sql("SELECT"), "public.tickets");
    }
}
