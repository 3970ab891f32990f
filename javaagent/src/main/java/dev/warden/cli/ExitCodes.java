package dev.warden.cli;

/** The command line's exit codes, a contract with scripts (see {@code shared/design/audit.md}). */
final class ExitCodes {
    /** The command did what was asked and found nothing wrong. */
    static final int OK = 0;
    /** A finding: an invalid policy, a damaged or tampered trail. */
    static final int FINDING = 1;
    /** Bad usage: an unknown command or option, a missing argument, a file or directory that cannot be read. */
    static final int USAGE = 2;

    private ExitCodes() {}
}
