package dev.warden.testapps.httptool;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * An AI agent's HTTP tool, run unmodified under Warden by the end-to-end tests. Each argument is
 * one step, {@code client|METHOD|URL[|body]} or {@code socket-kind|host|port} (see {@link Clients}
 * and {@link Sockets}); each step prints one line: {@code OK <step> <status> <body>} or
 * {@code ERR <step> <exception class>: <message>}, where an exception that only wraps another
 * (an {@code ExecutionException} from a future) is unwrapped and named {@code via} its wrapper, and
 * the exception's own causes follow, each {@code caused by <class>: <message>}.
 *
 * <p>{@code await} prints {@code READY} and waits for a line on standard input.
 */
public final class HttpTool {

    public static void main(String[] args) throws Exception {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String step : args) {
                if (step.equals("await")) {
                    System.out.println("READY");
                    System.out.flush();
                    stdin.readLine();
                    continue;
                }
                System.out.println(run(step));
                System.out.flush();
            }
        } finally {
            Clients.close();
        }
    }

    static String run(String step) {
        try {
            return "OK " + step + " " + perform(step.split("\\|", -1));
        } catch (Throwable t) {
            Throwable shown = t;
            String via = "";
            while ((shown instanceof ExecutionException || shown instanceof CompletionException
                    || shown.getClass().getName().equals("reactor.core.Exceptions$ReactiveException"))
                    && shown.getCause() != null) {
                via += " via " + shown.getClass().getSimpleName();
                shown = shown.getCause();
            }
            StringBuilder causes = new StringBuilder();
            for (Throwable c = shown.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                causes.append(" caused by ").append(c.getClass().getName()).append(": ").append(c.getMessage());
            }
            return "ERR " + step + " " + shown.getClass().getName() + ": " + shown.getMessage() + via + causes;
        }
    }

    private static String perform(String[] s) throws Exception {
        switch (s[0]) {
            case "socket":
            case "channel":
            case "channel-nonblocking":
            case "channel-socket":
            case "async-channel":
            case "async-channel-handler":
            case "udp-connect":
            case "udp-send":
            case "datagram-socket-send":
            case "datagram-socket-connect":
            case "unix":
                return Sockets.perform(s);
            default:
                return Clients.perform(s);
        }
    }
}
