package dev.warden.agent.governor;

/** Action families as small ints, for the per-thread call stack. */
final class Family {
    static final int FILE = 1;
    static final int HTTP = 2;
    static final int NET = 3;
    static final int SQL = 4;
    static final int MAIL = 5;
    static final int PROCESS = 6;
    static final int EXIT = 7;

    private Family() {}
}
