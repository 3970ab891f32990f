package dev.warden.agent.governor;

/** Action families as small ints, for the per-thread call stack. */
final class Family {
    static final int FILE = 1;
    static final int HTTP = 2;
    static final int NET = 3;
    static final int MAIL = 4;

    private Family() {}
}
