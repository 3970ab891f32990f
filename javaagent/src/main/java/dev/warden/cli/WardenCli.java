package dev.warden.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar warden-agent.jar <command>}: the agent jar is also the tool.
 *
 * <p>Exit codes: 0 success, 1 a finding (an invalid policy), 2 bad usage. picocli already uses 2
 * for errors it finds while parsing; {@link UsageError}s found later map to 2 as well. Each command
 * is a class of its own; the control commands ({@code suspend}, {@code resume},
 * {@code session revoke}, {@code approve}, {@code reject}) write to the audit directory's control
 * channel (see {@code ControlChannel}).
 */
@Command(name = "warden",
        description = "Governs what an AI agent's JVM does, and reads what it did.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        subcommands = {AttachCommand.class, AuditCommand.class, PolicyCommand.class, SuspendCommand.class, ResumeCommand.class,
                SessionCommand.class, ApproveCommand.class, RejectCommand.class, VersionCommand.class})
public final class WardenCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    public static void main(String... args) {
        System.exit(run(args));
    }

    /** Runs one command with the process's stdout and stderr; returns its exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs one command writing to {@code out} and {@code err}; returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command tree, with Warden's mapping of exceptions to exit codes. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new WardenCli());
        cl.setExecutionExceptionHandler(WardenCli::handleFailure);
        return cl;
    }

    /** Invoked without a command: that is bad usage. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }

    private static int handleFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof UsageError) {
            err.println("warden: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        err.println("warden: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        return ExitCodes.FINDING;
    }
}
