package dev.warden.testapps.sessiontool;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An agent serving several conversations in one JVM, each under its own Warden session. Each
 * argument is a step: {@code SESSION:PATH} reads PATH inside {@code WardenSession.open(SESSION)}
 * ({@code -:PATH} outside any), printing {@code OK <step> <text>} or
 * {@code ERR <step> <exception>: <message>}; {@code await} prints READY and waits for a line on
 * standard input.
 *
 * <p>Test apps never depend on Warden (the build forbids it), so the optional API
 * {@code dev.warden.bootstrap.WardenSession} is found by reflection, as an application would call
 * it directly: under the agent the class is in the bootstrap class loader; without the agent it
 * is there only if the application ships the {@code warden-bootstrap} jar, and does nothing.
 */
public final class SessionTool {

    public static void main(String[] args) throws Exception {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Method open = sessionApi();
        System.out.println("API " + (open == null ? "absent" : "present"));
        for (String step : args) {
            if (step.equals("await")) {
                System.out.println("READY");
                System.out.flush();
                stdin.readLine();
                continue;
            }
            int colon = step.indexOf(':');
            String session = step.substring(0, colon);
            Path path = Path.of(step.substring(colon + 1));
            System.out.println(run(step, open, session, path));
            System.out.flush();
        }
    }

    private static Method sessionApi() {
        try {
            return Class.forName("dev.warden.bootstrap.WardenSession").getMethod("open", String.class);
        } catch (ReflectiveOperationException absent) {
            return null;
        }
    }

    private static String run(String step, Method open, String session, Path path) {
        try {
            if (session.equals("-") || open == null) {
                return "OK " + step + " " + Files.readString(path).strip();
            }
            try (AutoCloseable scope = (AutoCloseable) open.invoke(null, session)) {
                return "OK " + step + " " + Files.readString(path).strip();
            }
        } catch (Throwable t) {
            return "ERR " + step + " " + t.getClass().getName() + ": " + t.getMessage();
        }
    }
}
