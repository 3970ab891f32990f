package dev.warden.testapps.exectool;

/**
 * A coding agent's shell tool, run unmodified under Warden by the end-to-end tests. Each argument
 * is one step; each step prints one line, {@code OK <step> <result>} or
 * {@code ERR <step> <exception class>: <message>}, and the program goes on after a failed step.
 *
 * <ul>
 *   <li>{@code pb|<dir or ->|prog|arg|…}: {@code ProcessBuilder.start} (in that directory), waits, prints
 *       the exit status and the first line of output;
 *   <li>{@code exec|prog|arg|…}: {@code Runtime.exec(String[])}, likewise;
 *   <li>{@code created|<path>}: whether a file exists (a denied command must not have run);
 *   <li>{@code exit|N}, {@code runtime-exit|N}, {@code halt|N}: {@code System.exit},
 *       {@code Runtime.getRuntime().exit}, {@code Runtime.getRuntime().halt};
 *   <li>{@code read|<path>}: reads the file;
 *   <li>{@code sleep|MS}: prints {@code READY}, then sleeps (for a test to act on the running JVM);
 *   <li>{@code read-on|<kind>|<path>}: reads the file on a thread of that kind ({@link Threads}).
 * </ul>
 * The last line is always {@code ALIVE}, unless the JVM was stopped.
 */
public final class ExecTool {

    public static void main(String[] args) {
        for (String step : args) {
            String result;
            try {
                result = "OK " + step + " " + perform(step.split("\\|", -1));
            } catch (Throwable t) {
                result = "ERR " + step + " " + t.getClass().getName() + ": " + t.getMessage();
            }
            System.out.println(result);
            System.out.flush();
        }
        System.out.println("ALIVE");
    }

    private static String perform(String[] s) throws Exception {
        switch (s[0]) {
            case "pb":
                ProcessBuilder pb = new ProcessBuilder(java.util.Arrays.copyOfRange(s, 2, s.length)).redirectErrorStream(true);
                if (!s[1].equals("-")) {
                    pb.directory(new java.io.File(s[1]));
                }
                return finished(pb.start());
            case "exec":
                return finished(Runtime.getRuntime().exec(java.util.Arrays.copyOfRange(s, 1, s.length)));
            case "created":
                return Boolean.toString(new java.io.File(s[1]).exists());
            case "exit":
                System.exit(Integer.parseInt(s[1]));
                return "still running";
            case "runtime-exit":
                Runtime.getRuntime().exit(Integer.parseInt(s[1]));
                return "still running";
            case "halt":
                Runtime.getRuntime().halt(Integer.parseInt(s[1]));
                return "still running";
            case "sleep":
                System.out.println("READY");
                System.out.flush();
                Thread.sleep(Long.parseLong(s[1]));
                return "slept";
            case "read":
                return java.nio.file.Files.readString(java.nio.file.Path.of(s[1])).trim();
            case "read-on":
                return Threads.read(s[1], s[2]);
            default:
                throw new IllegalArgumentException("unknown step " + s[0]);
        }
    }

    private static String finished(Process p) throws Exception {
        String out;
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
            out = r.readLine();
        }
        return "status=" + p.waitFor() + " out=" + out;
    }
}
