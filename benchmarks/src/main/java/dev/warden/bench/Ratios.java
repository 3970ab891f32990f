package dev.warden.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs JMH (same arguments as {@code org.openjdk.jmh.Main}) and then prints, for every benchmark
 * that has {@code WithAgent...} variants, each variant's score as a ratio of the plain one from
 * the same run: {@code java -jar benchmarks/target/benchmarks.jar FileRead}.
 *
 * <p>{@code -rounds N} (before the JMH arguments) alternates instead: N rounds, each running one
 * fork of the plain benchmark and one of each agent variant back to back (the order flipped every
 * other round), and prints the median of the N per-round ratios with their range. JMH alone runs
 * all forks of one variant before the next, so on a machine whose load drifts over minutes the
 * drift lands in the ratio; adjacent forks share the drift, and the median drops a disturbed round.
 * With {@code -prof dev.warden.bench.CpuTimeProfiler} the CPU time per operation is compared too.
 */
public final class Ratios {

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("-rounds")) {
            alternate(Integer.parseInt(args[1]), new CommandLineOptions(Arrays.copyOfRange(args, 2, args.length)));
            return;
        }
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
            String base = plainOf(name);
            Double plain = base == null ? null : scores.get(base);
            if (plain != null) {
                String unit = units.get(name);
                System.out.printf("  %-70s %10.1f %s vs %10.1f %s  = %.3fx%n",
                        shortName(name), score, unit, plain, unit, score / plain);
            }
        });
    }

    /** The plain benchmark a {@code WithAgent...} variant is measured against, or {@code null}. */
    private static String plainOf(String name) {
        int variant = name.indexOf(".WithAgent");
        return variant < 0 ? null : name.substring(0, variant) + name.substring(name.lastIndexOf('.'));
    }

    private static String shortName(String name) {
        return name.substring(name.lastIndexOf("bench.") + 6);
    }

    private static void alternate(int rounds, CommandLineOptions options) throws Exception {
        List<String> includes = options.getIncludes().isEmpty() ? List.of(".*") : options.getIncludes();
        Map<String, List<String>> variants = new TreeMap<>(); // plain benchmark -> its agent variants
        List<String> all = new ArrayList<>();
        for (BenchmarkListEntry e : BenchmarkList.defaultList().find(OutputFormatFactory.createFormatInstance(
                System.out, VerboseMode.SILENT), includes, options.getExcludes())) {
            all.add(e.getUsername());
            String base = plainOf(e.getUsername());
            if (base != null) {
                variants.computeIfAbsent(base, k -> new ArrayList<>()).add(e.getUsername());
            }
        }
        // per metric (the primary score, and the CPU time per operation when CpuTimeProfiler ran): name -> values
        Map<String, Map<String, List<Double>>> ratios = new TreeMap<>();
        Map<String, Map<String, List<Double>>> scores = new TreeMap<>();
        Map<String, String> units = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, List<String>> v : variants.entrySet()) {
                List<String> order = new ArrayList<>(v.getValue());
                order.add(round % 2 == 0 ? 0 : order.size(), v.getKey());
                Map<String, Map<String, Double>> thisRound = new TreeMap<>();
                for (String name : order) {
                    // Includes add up with the parent's: narrow to one benchmark by excluding the others.
                    OptionsBuilder one = new OptionsBuilder();
                    one.parent(options).forks(1);
                    for (String other : all) {
                        if (!other.equals(name)) {
                            one.exclude("^" + Pattern.quote(other) + "$");
                        }
                    }
                    RunResult r;
                    try {
                        r = new Runner(one.build()).runSingle();
                    } catch (org.openjdk.jmh.runner.RunnerException failed) {
                        // A fork that fails (its output above says why) drops this round's ratio, not the run.
                        System.out.println("FAILED: " + name + " in round " + (round + 1) + ": " + failed.getMessage());
                        continue;
                    }
                    Map<String, Result> measured = new TreeMap<>(r.getSecondaryResults());
                    measured.keySet().retainAll(List.of(CPU));
                    measured.put(TIME, r.getPrimaryResult());
                    measured.forEach((metric, result) -> {
                        thisRound.computeIfAbsent(metric, k -> new TreeMap<>()).put(name, result.getScore());
                        units.put(metric, result.getScoreUnit());
                        scores.computeIfAbsent(metric, k -> new TreeMap<>())
                                .computeIfAbsent(name, k -> new ArrayList<>()).add(result.getScore());
                    });
                }
                thisRound.forEach((metric, byName) -> {
                    for (String agent : v.getValue()) {
                        if (byName.containsKey(agent) && byName.containsKey(v.getKey())) {
                            ratios.computeIfAbsent(metric, k -> new TreeMap<>()).computeIfAbsent(agent, k -> new ArrayList<>())
                                    .add(byName.get(agent) / byName.get(v.getKey()));
                        }
                    }
                });
            }
        }
        System.out.println();
        System.out.printf("Ratios (with agent / without), %d alternating rounds of one fork each: median [min, max]%n", rounds);
        ratios.forEach((metric, byAgent) -> {
            System.out.println(metric.equals(TIME) ? "time per operation:" : "CPU time per operation (all threads):");
            byAgent.forEach((agent, rs) -> System.out.printf("  %-70s %10.1f vs %10.1f %s (medians)  = %.3fx [%.3f, %.3f] %d rounds%n",
                    shortName(agent), median(scores.get(metric).get(agent)), median(scores.get(metric).get(plainOf(agent))),
                    units.get(metric), median(rs), rs.stream().mapToDouble(d -> d).min().orElse(0),
                    rs.stream().mapToDouble(d -> d).max().orElse(0), rs.size()));
        });
    }

    private static final String TIME = "";
    private static final String CPU = "cpu.time.norm";

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(d -> d).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
