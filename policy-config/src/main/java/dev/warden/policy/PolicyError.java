package dev.warden.policy;

/**
 * One problem in a policy: where it is and what is wrong.
 *
 * @param file the policy file as given to the loader
 * @param line the 1-based line where the property starts, or 0 when the problem belongs to the
 *     file as a whole (a missing key, an unreadable file, an override from the environment)
 * @param message what is wrong, and when possible how to fix it
 */
public record PolicyError(String file, int line, String message) {

    /** {@code <file>:<line>: <message>}, without {@code :<line>} when the line is 0. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
