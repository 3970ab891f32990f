package dev.warden.bootstrap;

/**
 * The static entry points that advice inlined into JDK and library classes calls.
 *
 * <p>This class is defined in the bootstrap class loader so that code in {@code java.base} can link
 * against it. It holds no logic: it forwards to the {@link Governor} the agent installs, and lets
 * every call through until one is installed (the JVM's own start-up, before the policy is loaded).
 */
public final class Gate {

    /** The API declares {@code FileNotFoundException} ({@code java.io} streams). */
    public static final int API_IO_STREAM = 1;
    /** The API declares {@code IOException}: deny with {@code AccessDeniedException} (NIO, {@code File.createNewFile}). */
    public static final int API_NIO = 2;
    /** The API declares no exception: deny with {@code SecurityException} ({@code File.delete}, {@code File.list}). */
    public static final int API_UNCHECKED = 3;

    private static volatile Governor governor;
    /** {@code warden.propagate}: whether advice should ask for a {@code baggage} header at all. */
    private static volatile boolean propagate;

    private Gate() {}

    /** Installs the governor; called once by the agent when its policy is loaded. */
    public static void install(Governor g) {
        governor = g;
    }

    /** Set by the agent from {@code warden.propagate}. */
    public static void propagate(boolean on) {
        propagate = on;
    }

    /** Whether allowed requests carry Warden's {@code baggage} header ({@code warden.propagate}). */
    public static boolean propagating() {
        return propagate;
    }

    /** The installed governor, or {@code null} before start-up has finished. */
    public static Governor governor() {
        return governor;
    }

    /** Decides a file operation; see {@link Governor#enterFile}. */
    public static long file(int op, Object path, Object other, Object extra, int api) throws Exception {
        Governor g = governor;
        return g == null ? Governor.NOT_GOVERNED : g.enterFile(op, path, other, extra, api);
    }

    /**
     * The open options an NIO open will use: an application's own {@code Set} is replaced by an
     * immutable copy, made here, on the application's thread and outside Warden (its iterator is
     * application code), so that Warden decides on exactly what the JDK then opens with.
     */
    public static Object openOptions(Object options) {
        if (options instanceof java.util.Set && !options.getClass().getName().startsWith("java.")) {
            return java.util.Set.copyOf((java.util.Set<?>) options);
        }
        return options;
    }

    /**
     * Decides one HTTP request hop before it reaches the network; see {@link Governor#enterHttp}.
     * Throws the {@code IOException} a denied request gets.
     */
    public static long http(Object subject, String method, Object url, long bodyBytes) throws Exception {
        Governor g = governor;
        return g == null ? Governor.NOT_GOVERNED : g.enterHttp(subject, method, url, bodyBytes);
    }

    /**
     * {@link #http}, denying with a plain {@code IOException} rather than Warden's
     * {@code ConnectException}: the JDK's {@code HttpClient} retries a request once after a
     * {@code ConnectException} (its {@code jdk.httpclient.disableRetryConnect}), which would decide
     * and record the denial twice.
     */
    public static long httpPlainIo(Object subject, String method, Object url, long bodyBytes) throws java.io.IOException {
        try {
            return http(subject, method, url, bodyBytes);
        } catch (java.net.ConnectException denied) {
            java.io.IOException plain = new java.io.IOException(denied.getMessage());
            plain.setStackTrace(denied.getStackTrace());
            throw plain;
        } catch (java.io.IOException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new java.io.IOException(e.getMessage(), e);
        }
    }

    /**
     * {@link #http} for advice that must not throw (an asynchronous API reports a denial through its
     * future or callback): the denial is returned, {@code null} when the request may proceed, and the
     * token is then {@link #lastToken()}.
     */
    public static Throwable httpOrDenial(Object subject, String method, Object url, long bodyBytes) {
        try {
            LAST_TOKEN.set(httpPlainIo(subject, method, url, bodyBytes));
            return null;
        } catch (Throwable denial) {
            LAST_TOKEN.set(Governor.NOT_GOVERNED);
            return denial;
        }
    }

    private static final ThreadLocal<Long> LAST_TOKEN = new ThreadLocal<>();

    /** The token of the last {@link #httpOrDenial} on this thread. */
    public static long lastToken() {
        Long t = LAST_TOKEN.get();
        return t == null ? Governor.NOT_GOVERNED : t;
    }

    /** Records the outcome of a governed HTTP request: its status (or -1) or what it threw. */
    public static void httpExit(long token, int status, Throwable thrown) {
        if (token != Governor.NOT_GOVERNED) {
            Governor g = governor;
            if (g != null) {
                g.exitHttp(token, status, thrown);
            }
        }
    }

    /**
     * The JDK client's {@code send} starts: the request it makes through {@code sendAsync} and then
     * waits for is recorded by {@link #httpSendEnd} on this thread, not detached. Returns what
     * {@link #httpSendEnd} needs.
     */
    public static int httpSendBegin() {
        Governor g = governor;
        return g == null ? -1 : g.httpSendBegin();
    }

    /** {@code send} returned {@code response} (a {@code java.net.http.HttpResponse}) or threw {@code thrown}. */
    public static void httpSendEnd(int saved, Object response, Throwable thrown) {
        Governor g = governor;
        if (g != null) {
            g.httpSendEnd(saved, response, thrown);
        }
    }

    /**
     * An asynchronous request was started: its record is completed when {@code future} (a
     * {@code CompletableFuture} of a {@code java.net.http.HttpResponse}) completes. Returns {@code future}.
     */
    public static Object httpAsync(long token, Object future) {
        if (token != Governor.NOT_GOVERNED) {
            Governor g = governor;
            if (g != null) {
                g.httpAsync(token, future);
            }
        }
        return future;
    }

    /**
     * The W3C {@code baggage} header value an allowed request should carry: {@code existing} merged
     * with Warden's identity, or {@code null} to leave the request as it is.
     */
    public static String baggage(String existing) {
        Governor g = governor;
        return g == null ? null : g.baggage(existing);
    }

    /**
     * The request {@code token} was returned for is decided, and its record waits for
     * {@link #httpResponse} with {@code key}: the client's response arrives in another method
     * (OkHttp's {@code BridgeInterceptor}), or on another thread.
     */
    public static void httpPark(long token, Object key) {
        if (token != Governor.NOT_GOVERNED) {
            Governor g = governor;
            if (g != null) {
                g.httpPark(token, key);
            }
        }
    }

    /**
     * The request {@code token} was returned for continues through {@code callback}, an instance of
     * the client's callback interface {@code type}: returns a callback of that type that records the
     * response (or failure) and then hands it on. Apache HttpClient 5's async {@code AsyncExecCallback}.
     */
    public static Object httpCallback(long token, Object callback, Class<?> type) {
        if (token != Governor.NOT_GOVERNED) {
            Governor g = governor;
            if (g != null) {
                return g.httpCallback(token, callback, type);
            }
        }
        return callback;
    }

    /**
     * {@code callback}, made by {@link #httpCallback}, will never be called: the client failed with
     * {@code thrown} before handing it on (the request was allowed, not sent). Records the request so.
     */
    public static void httpCallbackUnused(Object callback, Throwable thrown) {
        Governor g = governor;
        if (g != null && callback != null) {
            g.httpCallbackUnused(callback, thrown);
        }
    }

    /**
     * The request just allowed on this thread goes through the proxy {@code host:port}: an
     * asynchronous client's connect to it, on its own thread, is part of that request.
     */
    public static void httpVia(String host, int port) {
        Governor g = governor;
        if (g != null && host != null) {
            g.httpVia(host, port);
        }
    }

    /** Reactor Netty: a request is its {@code HttpClientConnect.HttpClientHandler}. */
    public static final int CLIENT_REACTOR_NETTY = 1;

    /**
     * Decides one hop of a client whose request object only the agent can read ({@code client},
     * one of the {@code CLIENT_} codes). When allowed, its record waits for {@link #httpResponse}
     * with the hop's key (the object the agent reads as the request's URL, which the response names too).
     */
    public static void httpPending(int client, Object request) throws Exception {
        Governor g = governor;
        if (g != null && request != null) {
            g.httpPending(client, request);
        }
    }

    /** The response (or the failure) of a hop {@link #httpPending} decided. */
    public static void httpResponse(Object key, int status, Throwable thrown) {
        Governor g = governor;
        if (g != null && key != null) {
            g.httpResponse(key, status, thrown);
        }
    }

    /**
     * {@code request} (a {@code java.net.http.HttpRequest}) with the {@code baggage} header Warden
     * adds under {@code warden.propagate}, or {@code request} itself.
     */
    public static Object withBaggage(Object request) {
        Governor g = governor;
        return g == null ? request : g.withBaggage(request);
    }

    /**
     * Adds the {@code baggage} header to an {@code HttpURLConnection}'s header list about to be
     * written, or to an allowed Apache HttpClient 5 request: all its {@code baggage} lines merged into
     * one with Warden's members.
     */
    public static void baggageInto(Object message) {
        Governor g = governor;
        if (g != null && message != null) {
            g.baggageInto(message);
        }
    }

    /**
     * Decides an outbound socket connect ({@code net.connect}); {@code address} is a
     * {@code SocketAddress}. {@code selector} is true for a non-blocking or asynchronous connect, the
     * kind asynchronous HTTP clients make on their own threads for requests decided elsewhere.
     */
    public static long connect(Object address, boolean selector) throws Exception {
        Governor g = governor;
        return g == null || address == null ? Governor.NOT_GOVERNED : g.enterConnect(address, selector);
    }

    /** {@link #connect} for advice that reports a denial instead of throwing it. */
    public static Throwable connectOrDenial(Object address, boolean selector) {
        try {
            LAST_TOKEN.set(connect(address, selector));
            return null;
        } catch (Throwable denial) {
            LAST_TOKEN.set(Governor.NOT_GOVERNED);
            return denial;
        }
    }

    /**
     * Marks the calling thread as working for an HTTP request Warden already decided (a client's
     * connect on its own pool thread), so the connects it makes there count as part of that
     * request; {@link #leaveDecided} undoes it.
     */
    public static void enterDecided() {
        Governor g = governor;
        if (g != null) {
            g.decidedScope(1);
        }
    }

    public static void leaveDecided() {
        Governor g = governor;
        if (g != null) {
            g.decidedScope(-1);
        }
    }

    /**
     * Decides one mail message before any of it reaches the server ({@code mail.send}):
     * {@code message} is a {@code jakarta.mail} or {@code javax.mail} {@code Message},
     * {@code envelope} the {@code Address[]} it is sent to (or {@code null}). Throws the API's
     * {@code SendFailedException} when a recipient is refused; hand the token to {@link #exit}.
     */
    public static long mail(Object message, Object envelope) throws Exception {
        Governor g = governor;
        return g == null || message == null ? Governor.NOT_GOVERNED : g.enterMail(message, envelope);
    }

    /**
     * Marks the calling thread as connecting a mail transport to its server: every message it
     * carries is decided by {@link #mail}, so its connect needs no {@code net.connect} allow rule
     * (deny rules still apply); {@link #leaveMailTransport} undoes it.
     */
    public static void enterMailTransport() {
        Governor g = governor;
        if (g != null) {
            g.mailTransportScope(1);
        }
    }

    public static void leaveMailTransport() {
        Governor g = governor;
        if (g != null) {
            g.mailTransportScope(-1);
        }
    }

    /** Records the outcome of a governed call. */
    public static void exit(long token, Throwable thrown) {
        if (token != Governor.NOT_GOVERNED) {
            Governor g = governor;
            if (g != null) {
                g.exit(token, thrown);
            }
        }
    }

    // ---- JDBC: forwarded to the governor; see the Governor methods of the same names.

    public static long sqlConnect(Object source, String url) throws Exception {
        Governor g = governor;
        return g == null ? Governor.NOT_GOVERNED : g.enterSqlConnect(source, url);
    }

    public static void sqlConnected(long token, Object source, Object connection, Throwable thrown) throws Exception {
        Governor g = governor;
        if (g != null && token != Governor.NOT_GOVERNED) {
            g.exitSqlConnect(token, source, connection, thrown);
        }
    }

    public static void sqlStatementCreated(Object connection, Object statement, String sql) {
        Governor g = governor;
        if (g != null && statement != null) {
            g.sqlStatementCreated(connection, statement, sql);
        }
    }

    public static void sqlSchemaChanged(Object connection) {
        Governor g = governor;
        if (g != null) {
            g.sqlSchemaChanged(connection);
        }
    }

    public static long sql(Object statement, String sql, boolean batch) throws Exception {
        Governor g = governor;
        return g == null ? Governor.NOT_GOVERNED : g.enterSql(statement, sql, batch);
    }

    public static void sqlDone(long token, Object statement, long rows, Object resultSet, Throwable thrown) {
        Governor g = governor;
        if (g != null && token != Governor.NOT_GOVERNED) {
            g.exitSql(token, statement, rows, resultSet, thrown);
        }
    }

    /** {@code int[]} or {@code long[]} update counts of a batch: their sum, or -1. */
    public static long sqlBatchRows(Object counts) {
        long sum = 0;
        if (counts instanceof int[]) {
            for (int c : (int[]) counts) {
                if (c < 0) {
                    return -1; // SUCCESS_NO_INFO
                }
                sum += c;
            }
            return sum;
        }
        if (counts instanceof long[]) {
            for (long c : (long[]) counts) {
                if (c < 0) {
                    return -1;
                }
                sum += c;
            }
            return sum;
        }
        return -1;
    }

    public static void sqlBatch(Object statement, String sql) {
        Governor g = governor;
        if (g != null) {
            g.sqlBatch(statement, sql);
        }
    }

    public static void sqlResultSet(Object statement, Object resultSet) {
        Governor g = governor;
        if (g != null && resultSet != null) {
            g.sqlResultSet(statement, resultSet);
        }
    }

    /** The cheap test first: only result sets Warden counts rows for carry a state. */
    public static void sqlRow(Object resultSet, boolean more) throws Exception {
        if (resultSet instanceof JdbcState && ((JdbcState) resultSet).warden$jdbc() == null) {
            return;
        }
        Governor g = governor;
        if (g != null) {
            g.sqlRow(resultSet, more);
        }
    }

    public static void sqlClosed(Object statementOrResultSet) {
        if (statementOrResultSet instanceof JdbcState && ((JdbcState) statementOrResultSet).warden$jdbc() == null) {
            return;
        }
        Governor g = governor;
        if (g != null) {
            g.sqlClosed(statementOrResultSet);
        }
    }

    /**
     * Decides a process start ({@code process.exec}) before the JDK forks: {@code command} is the
     * {@code String[]} command line {@code ProcessImpl.start} received, {@code dir} the child's
     * working directory or {@code null}. Throws an {@code IOException} when denied; hand the token
     * to {@link #exit}.
     */
    public static long process(Object command, String dir) throws Exception {
        Governor g = governor;
        return g == null || command == null ? Governor.NOT_GOVERNED : g.enterProcess(command, dir);
    }

    /**
     * Decides {@code Runtime.exit} ({@code halt} false) or {@code Runtime.halt} ({@code jvm.exit},
     * target the status); throws {@code SecurityException} when denied.
     */
    public static void jvmExit(int status, boolean halt) {
        Governor g = governor;
        if (g != null) {
            g.enterJvmExit(status, halt);
        }
    }
}
