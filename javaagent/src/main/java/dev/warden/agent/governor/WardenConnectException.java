package dev.warden.agent.governor;

import java.net.ConnectException;

/**
 * What a denied HTTP request or socket connect throws: an {@code IOException}, as the APIs declare,
 * and a {@link ConnectException} in particular, because HTTP clients do not retry those — Apache
 * HttpClient retries a plain {@code IOException} (5.x once after a second, 4.5 three times), which
 * would decide and record one denial several times. Its message is policy.md's, and it has the
 * public {@code (String)} constructor {@code HttpURLConnection} uses to rethrow a remembered failure.
 */
public final class WardenConnectException extends ConnectException {

    private static final long serialVersionUID = 1L;

    public WardenConnectException(String message) {
        super(message);
    }
}
