package dev.warden.bench;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

/**
 * Runs JMH (same arguments as {@code org.openjdk.jmh.Main}) and then prints, for every benchmark
 * that has {@code WithAgent...} variants, each variant's score as a ratio of the plain one from
 * the same run: {@code java -jar benchmarks/target/benchmarks.jar FileRead}.
 */
public final class Ratios {

    public static void main(String[] args) throws Exception {
        Options options = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> scores = new TreeMap<>();
        Map<String, String> units = new TreeMap<>();
        for (RunResult r : results) {
            scores.put(r.getParams().getBenchmark(), r.getPrimaryResult().getScore());
            units.put(r.getParams().getBenchmark(), r.getPrimaryResult().getScoreUnit());
        }
        System.out.println();
        System.out.println("Ratios (with agent / without), same run:");
        scores.forEach((name, score) -> {
            int variant = name.indexOf(".WithAgent");
            if (variant < 0) {
                return;
            }
            String method = name.substring(name.lastIndexOf('.') + 1);
            String base = name.substring(0, variant) + "." + method;
            Double plain = scores.get(base);
            if (plain != null) {
                String unit = units.get(name);
                System.out.printf("  %-70s %10.1f %s vs %10.1f %s  = %.3fx%n",
                        name.substring(name.lastIndexOf("bench.") + 6), score, unit, plain, unit, score / plain);
            }
        });
    }
}
