package dev.warden.agent.startup;

/**
 * With {@code -Dwarden.debug.startup=true}, prints how long each start-up phase took to stderr:
 * start-up time is a feature, and this is how to see where it goes.
 */
final class StartupTimer {

    private static final boolean ON = Boolean.getBoolean("warden.debug.startup");
    private static long last = System.nanoTime();

    private StartupTimer() {}

    static void phase(String name) {
        if (ON) {
            long now = System.nanoTime();
            System.err.printf("warden: start-up %-28s %6.1f ms%n", name, (now - last) / 1e6);
            last = now;
        }
    }
}
