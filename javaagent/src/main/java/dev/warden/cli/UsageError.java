package dev.warden.cli;

/** Thrown by a command when its arguments cannot be used (a missing file, an unknown action): exit 2. */
final class UsageError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message);
    }
}
