package dev.warden.testapps.filetool;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * An AI agent's file tool, run unmodified under Warden by the end-to-end tests. Each argument is
 * one step, {@code op:path[:path2]} (see {@link Steps}); each step prints one line:
 * {@code OK <step> <result>} or {@code ERR <step> <exception class>: <message>}.
 *
 * <p>Special steps: {@code await} waits for a line on standard input; {@code interactive} prints
 * {@code READY}, then runs each line of standard input as a step until {@code stop} (a long-running
 * agent whose policy a test changes under it); {@code sleep:MS};
 * {@code threads:N:M:<step>} runs the step M times on each of N threads and prints
 * {@code OK threads ok=<n> err=<n>}; {@code thread:NAME:<step>} runs the step on a new thread
 * named NAME (as a framework's event loop would be) and prints its line.
 */
public final class FileTool {

    public static void main(String[] args) throws Exception {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String step : args) {
            if (step.equals("await")) {
                System.out.println("READY");
                System.out.flush();
                stdin.readLine();
                continue;
            }
            if (step.equals("interactive")) {
                System.out.println("READY");
                System.out.flush();
                for (String line; (line = stdin.readLine()) != null && !line.equals("stop"); ) {
                    System.out.println(run(line));
                    System.out.flush();
                }
                continue;
            }
            if (step.startsWith("sleep:")) {
                Thread.sleep(Long.parseLong(step.substring(6)));
                continue;
            }
            if (step.startsWith("threads:")) {
                threads(step);
                continue;
            }
            if (step.startsWith("thread:")) {
                onNamedThread(step);
                continue;
            }
            System.out.println(run(step));
            System.out.flush();
        }
    }

    static String run(String step) {
        try {
            return "OK " + step + " " + Steps.perform(step);
        } catch (Throwable t) {
            return "ERR " + step + " " + t.getClass().getName() + ": " + t.getMessage();
        }
    }

    private static void onNamedThread(String spec) throws Exception {
        String[] parts = spec.split(":", 3);
        String[] line = new String[1];
        Thread t = new Thread(() -> line[0] = run(parts[2]), parts[1]);
        t.start();
        t.join();
        System.out.println(line[0]);
        System.out.flush();
    }

    private static void threads(String spec) throws Exception {
        String[] parts = spec.split(":", 4);
        int threads = Integer.parseInt(parts[1]);
        int times = Integer.parseInt(parts[2]);
        String step = parts[3];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<int[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                int[] counts = new int[2];
                for (int i = 0; i < times; i++) {
                    counts[run(step).startsWith("OK") ? 0 : 1]++;
                }
                return counts;
            }));
        }
        int ok = 0;
        int err = 0;
        for (Future<int[]> f : results) {
            ok += f.get()[0];
            err += f.get()[1];
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        System.out.println("OK " + spec + " ok=" + ok + " err=" + err);
    }
}
