package dev.warden.policy;

/** One compiled target pattern. Implementations are immutable and allocate nothing when matching. */
interface TargetMatcher {

    /** A lone {@code *} or {@code **}: every target of the action, in every syntax. */
    TargetMatcher ANY = new TargetMatcher() {
        @Override
        public boolean matches(String target) {
            return true;
        }

        @Override
        public String toString() {
            return "*";
        }
    };

    boolean matches(String target);
}
