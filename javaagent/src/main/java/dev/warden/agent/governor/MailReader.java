package dev.warden.agent.governor;

/**
 * Reads a {@code jakarta.mail} or {@code javax.mail} message, whose classes Warden cannot name (the
 * application brings its mail API), and builds that API's {@code SendFailedException}. Installed at
 * start-up by the mail instrumentation.
 */
public interface MailReader {

    /**
     * Fills {@code into} with the message's recipients (To, Cc, Bcc, then {@code envelope}, an
     * {@code Address[]} or {@code null}; groups expanded), its sender, subject and attachments.
     * Runs the mail library's code, on the application's side of Warden.
     */
    void read(Object message, Object envelope, MailFacts into) throws Throwable;

    /**
     * The API's {@code SendFailedException(text, null, {}, validUnsent, invalid)}; the address
     * arrays hold {@code Address} objects of {@code message}'s API.
     */
    Exception refused(Object message, String text, Object[] invalid, int invalidCount, Object[] validUnsent,
            int validUnsentCount) throws Throwable;

    /** The reader in force; set at start-up. */
    MailReader[] INSTALLED = new MailReader[1];
}
