package dev.warden.testapps.exectool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * Runs a file read on a thread the application did not make itself: the kinds of threads agent
 * frameworks hand tool calls to. The result names the thread it ran on.
 */
final class Threads {

    private Threads() {}

    static String read(String kind, String path) throws Exception {
        Callable<String> task = () -> Thread.currentThread().getName() + " " + Files.readString(Path.of(path)).trim();
        switch (kind) {
            case "executor": {
                ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "tool-executor-1"));
                try {
                    return pool.submit(task).get(30, TimeUnit.SECONDS);
                } finally {
                    pool.shutdownNow();
                }
            }
            case "common-pool":
                return CompletableFuture.supplyAsync(() -> call(task)).get(30, TimeUnit.SECONDS);
            case "fork-join":
                return new ForkJoinPool(2).submit(task).get(30, TimeUnit.SECONDS);
            case "virtual":
                return virtual(task);
            case "timer": {
                CompletableFuture<String> result = new CompletableFuture<>();
                java.util.Timer timer = new java.util.Timer("tool-timer", true);
                timer.schedule(new java.util.TimerTask() {
                    @Override
                    public void run() {
                        try {
                            result.complete(task.call());
                        } catch (Throwable t) {
                            result.completeExceptionally(t);
                        }
                    }
                }, 10);
                try {
                    return result.get(30, TimeUnit.SECONDS);
                } finally {
                    timer.cancel();
                }
            }
            case "scheduled": {
                java.util.concurrent.ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "tool-scheduled"));
                try {
                    return s.schedule(task, 10, TimeUnit.MILLISECONDS).get(30, TimeUnit.SECONDS);
                } finally {
                    s.shutdownNow();
                }
            }
            default:
                throw new IllegalArgumentException("unknown thread kind " + kind);
        }
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()} (JDK 21+), called reflectively: the tool is built for 17. */
    private static String virtual(Callable<String> task) throws Exception {
        ExecutorService pool = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        try {
            return pool.submit(() -> (isVirtual() ? "virtual " : "platform ") + task.call()).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean isVirtual() throws Exception {
        return (Boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
    }

    private static String call(Callable<String> task) {
        try {
            return task.call();
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }
}
