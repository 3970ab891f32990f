package dev.warden.bootstrap;

/**
 * What the agent plugs into {@link Gate}: decides governed calls and records their outcome.
 *
 * <p>Implemented in the agent's own classes; this interface lives on the bootstrap class path so
 * that advice inlined into JDK classes can reach it. Every method is on the hot path of a governed
 * call: implementations must not allocate, lock or log when a call is allowed from the cache.
 */
public interface Governor {

    /** Returned by {@code enter*} when the call is not governed (Warden's own I/O, a nested call). */
    long NOT_GOVERNED = 0L;

    /**
     * Decides a file operation before it happens.
     *
     * @param op one of the {@link FileOp} codes
     * @param path a {@code String}, {@code java.io.File} or {@code java.nio.file.Path}
     * @param other a second path for copy, move, rename and link operations, else {@code null}
     * @param extra operation details (the open options of an NIO open), else {@code null}
     * @param api which exception the intercepted API declares: one of the {@link Gate} API codes
     * @return a token to hand to {@link #exit}, or {@link #NOT_GOVERNED}
     * @throws Exception the API-native exception when the call is denied
     */
    long enterFile(int op, Object path, Object other, Object extra, int api) throws Exception;

    /** Records the outcome of the call that {@code token} was returned for. */
    void exit(long token, Throwable thrown);

    /**
     * Decides one HTTP request hop ({@code http.<METHOD>}) before it reaches the network.
     *
     * @param subject the object the request is made through (a connection, a request), so that a
     *     nested or repeated call on the same subject and URL is decided once; may be {@code null}
     * @param method the request method
     * @param url the absolute URL: a {@code String}, {@code java.net.URI} or {@code java.net.URL}
     * @param bodyBytes the request body's size when known, else -1
     * @return a token for {@link #exitHttp}, or {@link #NOT_GOVERNED}
     * @throws Exception an {@code IOException} when the request is denied
     */
    default long enterHttp(Object subject, String method, Object url, long bodyBytes) throws Exception {
        return NOT_GOVERNED;
    }

    /** Records the outcome of the request {@code token} was returned for: the status (or -1), or what it threw. */
    default void exitHttp(long token, int status, Throwable thrown) {
        exit(token, thrown);
    }

    /** The JDK client's {@code send} starts on this thread (see {@link Gate#httpSendBegin}). */
    default int httpSendBegin() {
        return -1;
    }

    /** The JDK client's {@code send} returned or threw (see {@link Gate#httpSendEnd}). */
    default void httpSendEnd(int saved, Object response, Throwable thrown) {}

    /** The request {@code token} continues asynchronously: record it when {@code future} completes. */
    default void httpAsync(long token, Object future) {
        exit(token, null);
    }

    /** The {@code baggage} header value for an allowed request, or {@code null} to add none. */
    default String baggage(String existing) {
        return null;
    }

    /** The request {@code token} was returned for waits for {@link #httpResponse} with {@code key}. */
    default void httpPark(long token, Object key) {
        exit(token, null);
    }

    /** A callback of {@code type} that records the response of request {@code token}, then calls {@code callback}. */
    default Object httpCallback(long token, Object callback, Class<?> type) {
        exit(token, null);
        return callback;
    }

    /** A callback {@link #httpCallback} made will never be called: the request failed with {@code thrown} (see {@link Gate#httpCallbackUnused}). */
    default void httpCallbackUnused(Object callback, Throwable thrown) {}

    /** The request just allowed goes through the proxy {@code host:port} (see {@link Gate#httpVia}). */
    default void httpVia(String host, int port) {}

    /** Decides a hop of a request only the agent can read; its record waits for {@link #httpResponse}. */
    default void httpPending(int client, Object request) throws Exception {}

    /** Completes the record of the hop {@link #httpPending} registered under {@code key}. */
    default void httpResponse(Object key, int status, Throwable thrown) {}

    /** {@code request} with Warden's {@code baggage} header, or {@code request} unchanged. */
    default Object withBaggage(Object request) {
        return request;
    }

    /**
     * Adds Warden's {@code baggage} header to a {@code sun.net.www.MessageHeader} or an Apache
     * HttpClient 5 request ({@code org.apache.hc.core5.http.HttpMessage}), merged with its own.
     */
    default void baggageInto(Object message) {}

    /** Decides an outbound connect ({@code net.connect}); throws an {@code IOException} when denied. */
    default long enterConnect(Object address, boolean selector) throws Exception {
        return NOT_GOVERNED;
    }

    /** +1 / -1: the calling thread works for a request Warden decided (see {@link Gate#enterDecided}). */
    default void decidedScope(int delta) {}

    /** Opening a JDBC connection through a {@code Driver} ({@code url} known) or a {@code DataSource} ({@code url} null). */
    default long enterSqlConnect(Object source, String url) throws Exception {
        return NOT_GOVERNED;
    }

    /** The connection {@link #enterSqlConnect} was called for was opened (or not); may deny it now, closing it. */
    default void exitSqlConnect(long token, Object source, Object connection, Throwable thrown) throws Exception {}

    /** {@code statement} was created on {@code connection}; {@code sql} is its text when prepared, else {@code null}. */
    default void sqlStatementCreated(Object connection, Object statement, String sql) {}

    /** {@code setSchema}/{@code setCatalog} on {@code connection} returned: its current schema is read again when needed. */
    default void sqlSchemaChanged(Object connection) {}

    /**
     * Decides a statement execution: {@code sql} for {@code Statement.execute*(String)}, {@code null}
     * for a prepared statement's own SQL; {@code batch} for {@code executeBatch}.
     */
    default long enterSql(Object statement, String sql, boolean batch) throws Exception {
        return NOT_GOVERNED;
    }

    /** Records a statement's outcome: rows affected (or -1), the result set it returned (or {@code null}). */
    default void exitSql(long token, Object statement, long rows, Object resultSet, Throwable thrown) {}

    /** {@code Statement.addBatch(sql)} ({@code sql} null: {@code clearBatch}). */
    default void sqlBatch(Object statement, String sql) {}

    /** {@code Statement.getResultSet} returned {@code resultSet}. */
    default void sqlResultSet(Object statement, Object resultSet) {}

    /** {@code ResultSet.next} returned {@code more}; throws the row-limit {@code SQLException}. */
    default void sqlRow(Object resultSet, boolean more) throws Exception {}

    /** A statement or result set is being closed. */
    default void sqlClosed(Object statementOrResultSet) {}
    /**
     * Decides a mail message ({@code mail.send}, one target per recipient) before it is sent.
     *
     * @param message a {@code jakarta.mail.Message} or {@code javax.mail.Message}
     * @param envelope the {@code Address[]} the message is sent to, or {@code null}
     * @return a token for {@link #exit}, or {@link #NOT_GOVERNED}
     * @throws Exception the API's {@code SendFailedException} naming the refused recipients
     */
    default long enterMail(Object message, Object envelope) throws Exception {
        return NOT_GOVERNED;
    }

    /** +1 / -1: the calling thread connects a mail transport (see {@link Gate#enterMailTransport}). */
    default void mailTransportScope(int delta) {}

    /**
     * The calling thread now acts for the session the application named {@code id} (see
     * {@link WardenSession}); returns what {@link #exitSession} restores.
     */
    default Object enterSession(String id) {
        return null;
    }

    /** The scope {@link #enterSession} opened ends: the thread acts for {@code previous} again. */
    default void exitSession(Object previous) {}

    /**
     * Decides a process start ({@code process.exec}) before any process exists.
     *
     * @param command the {@code String[]} command line (the program as written, then its arguments)
     * @param dir the child's working directory, or {@code null} for the JVM's
     * @return a token for {@link #exit}, or {@link #NOT_GOVERNED}
     * @throws Exception an {@code IOException} when the start is denied
     */
    default long enterProcess(Object command, String dir) throws Exception {
        return NOT_GOVERNED;
    }

    /** Decides {@code Runtime.exit} or {@code Runtime.halt} ({@code jvm.exit}); throws {@code SecurityException} when denied. */
    default void enterJvmExit(int status, boolean halt) {}
}
