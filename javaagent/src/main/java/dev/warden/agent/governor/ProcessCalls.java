package dev.warden.agent.governor;

import dev.warden.agent.process.CommandLine;
import dev.warden.policy.Action;
import dev.warden.policy.Policy;
import dev.warden.policy.Verdict;
import java.io.IOException;

/**
 * Decides process starts ({@code process.exec}) and {@code Runtime.exit}/{@code halt}
 * ({@code jvm.exit}). Both are rare and costly next to a decision (a fork, the end of the JVM), so
 * resolving the executable through {@code PATH} and symlinks on every start is affordable.
 */
final class ProcessCalls {

    private final WardenGovernor governor;
    private final CommandLine commands;

    ProcessCalls(WardenGovernor governor, String workingDir) {
        this.governor = governor;
        this.commands = new CommandLine(workingDir, System.getenv("PATH"));
    }

    /** A denied start: the {@code IOException} {@code ProcessBuilder.start} declares, in {@link ThreadState#denial}. */
    long decideStart(ThreadState ts, String[] command, String dir) {
        long now = System.nanoTime();
        String target = commands.target(command, dir);
        CallFrame f = ts.push(Family.PROCESS);
        if (f == null) {
            ts.denial = new IOException(Denials.message("process.exec", target, "governed calls nested too deep", "error"));
            return NetworkCalls.DENIED;
        }
        f.startNanos = now;
        int i = f.add(Action.PROCESS_EXEC, target, detail(command[0], target, dir), null, null);
        decide(f, i, target, now);
        if (f.decisions[i] != Outcome.DENY) {
            governor.proceeding(f);
            return NetworkCalls.GOVERNED;
        }
        governor.recorder().blocked(ts, f);
        ts.denial = new IOException(Denials.message("process.exec", target, f.reasons[i], f.rules[i]));
        ts.pop();
        return NetworkCalls.DENIED;
    }

    /**
     * {@code Runtime.exit} or {@code halt}: recorded at once, since an allowed call never returns.
     * Returns the {@code SecurityException} of a denial, or {@code null}.
     */
    SecurityException decideExit(ThreadState ts, int status, boolean halt) {
        long now = System.nanoTime();
        String target = Integer.toString(status);
        CallFrame f = ts.push(Family.EXIT);
        if (f == null) {
            return new SecurityException(Denials.message("jvm.exit", target, "governed calls nested too deep", "error"));
        }
        f.startNanos = now;
        int i = f.add(Action.JVM_EXIT, target, halt ? "Runtime.halt" : "Runtime.exit", null, null);
        decide(f, i, target, now);
        SecurityException denial = null;
        if (f.decisions[i] == Outcome.DENY) {
            governor.recorder().blocked(ts, f);
            denial = new SecurityException(Denials.message("jvm.exit", target, f.reasons[i], f.rules[i]));
        } else {
            governor.recorder().completed(ts, f, now, null);
        }
        ts.pop();
        return denial;
    }

    private void decide(CallFrame f, int i, String target, long now) {
        Policy policy = governor.policyFor(f);
        if (policy == null) {
            governor.noPolicy(f, i);
            return;
        }
        Verdict v = policy.decide(f.actions[i], target, governor.performed(f));
        f.verdicts[i] = v;
        RuntimeChecks.apply(f, i, v, governor.controls(), governor.recorder(), policy, now);
    }

    /** {@code as written: bash}, {@code in /srv/work}: what the target does not show. */
    private static String detail(String program, String target, String dir) {
        boolean renamed = !target.startsWith(program) || (target.length() > program.length() && target.charAt(program.length()) != ' ');
        if (!renamed && dir == null) {
            return null;
        }
        StringBuilder d = new StringBuilder();
        if (renamed) {
            d.append("as written: ").append(program);
        }
        if (dir != null) {
            d.append(d.length() == 0 ? "" : ", ").append("in ").append(dir);
        }
        return d.toString();
    }
}
