package dev.warden.agent.governor;

/**
 * The run-time state step 5 of a decision reads (see {@link RuntimeChecks}), each as volatile
 * fields: the kill switch (its file, and {@code suspend} from the control channel), the sessions
 * and their revocations, and the calls waiting for approval.
 */
final class Controls {

    final KillSwitch killSwitch;
    final Sessions sessions;
    final Approvals approvals;

    Controls(KillSwitch killSwitch, Sessions sessions, Approvals approvals) {
        this.killSwitch = killSwitch;
        this.sessions = sessions;
        this.approvals = approvals;
    }
}
