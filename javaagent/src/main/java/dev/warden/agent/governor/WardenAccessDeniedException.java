package dev.warden.agent.governor;

import java.nio.file.AccessDeniedException;

/**
 * The NIO denial. {@code FileSystemException.getMessage()} would print "path: reason"; callers and
 * AI frameworks show {@code getMessage()}, so it returns Warden's message as policy.md words it.
 */
public final class WardenAccessDeniedException extends AccessDeniedException {

    private static final long serialVersionUID = 1L;
    private final String message;

    public WardenAccessDeniedException(String file, String message) {
        super(file, null, message);
        this.message = message;
    }

    @Override
    public String getMessage() {
        return message;
    }
}
