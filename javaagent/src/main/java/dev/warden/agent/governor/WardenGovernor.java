package dev.warden.agent.governor;

import dev.warden.agent.audit.AuditSink;
import dev.warden.agent.file.FileCalls;
import dev.warden.agent.file.PathResolver;
import dev.warden.agent.file.ResolvedPath;
import dev.warden.bootstrap.FileOp;
import dev.warden.bootstrap.Governor;
import dev.warden.policy.Action;
import dev.warden.policy.PerformedActions;
import dev.warden.policy.Policy;
import dev.warden.policy.Settings;
import dev.warden.policy.Verdict;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides governed calls against the current policy snapshot and records them.
 *
 * <p>The path of an allowed, cached call reads top to bottom: thread state, path resolution (a
 * cache hit), the policy's cached verdict, the run-time checks that can turn an allow into a deny
 * (kill switch, session, rate limit, a broken trail), then one audit record when the call returns. Nothing
 * on that path allocates, locks or logs; denials build their message and exception.
 */
public final class WardenGovernor implements Governor {

    private static final Logger LOG = LoggerFactory.getLogger(WardenGovernor.class);
    /** Internal marker: the call was denied and {@link ThreadState#denial} holds the exception. */
    private static final long DENIED = -1L;
    private static final long GOVERNED = 1L;

    private final ThreadLocal<ThreadState> state = WardenThreads.STATE;
    private final PathResolver paths;
    private final KillSwitch killSwitch;
    private final Controls controls;
    private final Recorder recorder;
    private final AuditSink audit;
    private final NetworkCalls network;
    private final CircuitBreaker breaker;
    private final dev.warden.agent.metrics.Metrics metrics;
    private final SqlCalls sql;
    private final SqlConnects sqlConnects;
    private final SqlResults sqlResults;
    private final MailCalls mail;
    private final ProcessCalls processes;
    private final Faults faults = Faults.fromSystemProperty();
    private volatile Policy policy;
    /** Why there is no policy (failure = open with an invalid policy), else {@code null}. */
    private final String startupError;

    /**
     * {@code policy} {@code null}: started without one (an invalid file under
     * {@code warden.failure = open}, {@code startupError} says why); {@code auditDir}: where the
     * trail is (a restart-only setting, named in the approval commands Warden logs).
     */
    public WardenGovernor(Policy policy, String startupError, Identity identity, AuditSink audit, Path auditDir) {
        this.policy = policy;
        this.startupError = startupError;
        this.audit = audit;
        String workingDir = System.getProperty("user.dir");
        this.paths = new PathResolver(workingDir);
        this.killSwitch = new KillSwitch(null);
        this.recorder = new Recorder(audit, identity, policy, faults);
        this.breaker = new CircuitBreaker(null, null, recorder.breakerRecords());
        this.metrics = new dev.warden.agent.metrics.Metrics(identity.agent, this::policy, breaker::state);
        recorder.attach(breaker, metrics);
        this.controls = new Controls(killSwitch, new Sessions(identity.session(), null, System.nanoTime()),
                new Approvals(APPROVAL_TIMEOUT, null, auditDir.toString()));
        this.network = new NetworkCalls(this, identity);
        this.sqlResults = new SqlResults(this);
        this.sql = new SqlCalls(this, sqlResults);
        this.sqlConnects = new SqlConnects(this);
        this.mail = new MailCalls(this);
        this.processes = new ProcessCalls(this, workingDir);
        if (policy != null) {
            settingsInForce(policy.settings());
        }
    }

    /** policy.md's default {@code warden.approval.timeout}, until a policy says otherwise. */
    private static final java.time.Duration APPROVAL_TIMEOUT = java.time.Duration.ofMinutes(5);

    /**
     * Puts the global settings that the run-time state holds (rather than the policy snapshot
     * itself) in force for the calls from now on: at start-up and on each reload. Keys the snapshot
     * holds (mode, default, trust, rules, audit level…) need nothing here; restart-only keys are
     * kept by the reload itself ({@link dev.warden.policy.Policy#restartPending()}).
     */
    private void settingsInForce(Settings s) {
        controls.sessions.ttl(s.sessionTtl());
        controls.approvals.configure(s.approvalTimeout(), s.approvalWebhook());
        breaker.configure(s.breakerErrors(), s.breakerCooldown(), System.nanoTime());
        killSwitch.file(s.killswitchFile());
        dev.warden.bootstrap.Gate.propagate(s.propagate());
        audit.retain(s.auditRetain());
        if (s.failure() == dev.warden.policy.Failure.CLOSED && !audit.isTrail()) {
            LOG.error("warden.failure = closed, and the audit trail could not be opened at start-up: every governed call"
                    + " is denied until Warden is restarted with a writable warden.audit.dir");
        }
    }

    /**
     * {@code warden.failure = closed} in the policy in force: an internal error denies the call.
     * Without a policy Warden runs only under {@code open}.
     */
    boolean failClosed() {
        return recorder.failClosed();
    }

    /** The policy snapshot every family decides against; where a {@link Faults#decide} fault strikes. */
    Policy policy() {
        if (faults.decide) {
            throw faults.decideFault();
        }
        return policy;
    }

    /**
     * The policy {@code f} is decided under: the current snapshot, read once per call, so a call
     * never mixes two versions (a statement's tables, a message's recipients) when a reload lands.
     */
    Policy policyFor(CallFrame f) {
        Policy p = f.policy;
        if (p == null) {
            p = policy(); // through policy(): the test-only decide fault is injected there
            f.policy = p;
        }
        return p;
    }

    /**
     * What the session {@code f} is made for (the calling thread's, {@link ThreadState#session}) has
     * done, for rules with {@code after}: each session its own, the process session too. A field
     * read, no allocation.
     */
    PerformedActions performed(CallFrame f) {
        return controls.sessions.of(f.session).performed();
    }

    /**
     * {@code f} goes ahead: every action in it that was allowed (or only would have been denied)
     * counts as performed for its session's {@code after} conditions. Writes only when a condition
     * is met for the first time (and allocates only when the session meets its first).
     */
    void proceeding(CallFrame f) {
        for (int i = 0; i < f.count; i++) {
            Verdict v = f.verdicts[i];
            int d = f.decisions[i];
            if (v != null && (d == Outcome.ALLOW || d == Outcome.WOULD_DENY) && v.performs().length > 0) {
                controls.sessions.of(f.session).remember(v.performs());
            }
        }
    }

    KillSwitch killSwitch() {
        return killSwitch;
    }

    Controls controls() {
        return controls;
    }

    Recorder recorder() {
        return recorder;
    }

    /** There is no policy (failure = open with an invalid one): the call is allowed and recorded as an error. */
    void noPolicy(CallFrame f, int i) {
        f.decisions[i] = Outcome.ERROR;
        f.rules[i] = "error";
        f.reasons[i] = startupError;
    }

    /** Starts Warden's background threads. */
    public void start() {
        killSwitch.watch(WardenThreads::newThread,
                () -> LOG.warn("kill switch {}", killSwitch.fileEngaged() ? "engaged: every governed action is denied" : "released"));
        // Off the start-up path: the platform MBean server costs tens of milliseconds to make.
        WardenThreads.newThread("warden-metrics", this::exposeMetrics).start();
    }

    static final long METRICS_DELAY_MILLIS = 2000;

    /** The JMX bean, always; the Prometheus endpoint when {@code warden.metrics.port} is set. */
    private void exposeMetrics() {
        try {
            // After start-up: another agent's premain (OpenTelemetry's) initializes JMX too, and
            // the platform MBean server is made once, under class-initialization locks.
            Thread.sleep(METRICS_DELAY_MILLIS);
        } catch (InterruptedException e) {
            return;
        }
        try {
            dev.warden.agent.metrics.MetricsBean.register(metrics);
        } catch (Exception | LinkageError e) {
            LOG.warn("Warden could not register its JMX bean", e);
        }
        Policy p = policy;
        Integer port = p == null ? null : p.settings().metricsPort();
        if (port == null) {
            return;
        }
        try {
            dev.warden.agent.metrics.PrometheusEndpoint endpoint = dev.warden.agent.metrics.PrometheusEndpoint.start(metrics,
                    p.settings().metricsBind(), port, java.util.concurrent.Executors.newSingleThreadExecutor(WardenThreads.FACTORY));
            LOG.info("Warden's metrics: http://{}:{}/metrics", p.settings().metricsBind(), endpoint.port());
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("Warden could not serve its metrics on {}:{}", p.settings().metricsBind(), port, e);
        }
    }

    /**
     * {@code warden.reload} (default true): watches {@code config}, as given (a symlink stays a
     * symlink, so a swapped ConfigMap link is seen), and swaps in each valid change. Without a
     * policy (an invalid one under {@code warden.failure = open}) it watches too: a fixed file is
     * picked up.
     */
    public void watchPolicy(Path config, dev.warden.policy.Overrides overrides) {
        Policy p = policy;
        if (p != null && !p.settings().reload()) {
            return;
        }
        PolicyReloads reloads = new PolicyReloads(config, overrides, this);
        new PolicyWatcher(config).watch(WardenThreads::newThread, reloads::reload, () -> {
            Policy now = policy;
            return now == null || now.settings().reload();
        });
    }

    /** Makes {@code next} the policy of every call decided from now on; calls under way keep theirs. */
    void install(Policy next) {
        recorder.policyChanged(next);
        policy = next;
        settingsInForce(next.settings());
    }

    /**
     * Starts tailing the control channel of {@code auditDir} ({@code suspend}, {@code resume},
     * {@code session revoke}, {@code approve}, {@code reject}) once {@code trailOpen} says the trail
     * is open.
     */
    public void listenForControl(Path auditDir, java.util.function.BooleanSupplier trailOpen) {
        new ControlListener(auditDir, controls, recorder, trailOpen).start();
    }

    @Override
    public Object enterSession(String id) {
        ThreadState ts = state.get();
        Session previous = ts.session;
        ts.insideWarden++;
        try {
            ts.session = controls.sessions.open(id, System.nanoTime());
        } finally {
            ts.insideWarden--;
        }
        return previous;
    }

    @Override
    public void exitSession(Object previous) {
        state.get().session = previous instanceof Session ? (Session) previous : null;
    }

    @Override
    public long enterFile(int op, Object path, Object other, Object extra, int api) throws Exception {
        ThreadState ts = state.get();
        if (ts.insideWarden > 0 || !PathResolver.readable(path) || (other != null && !PathResolver.readable(other))) {
            return NOT_GOVERNED;
        }
        int actions = FileCalls.onPath(op, extra);
        if (ts.nestedOnSamePath(Family.FILE, path, actions)) {
            return NOT_GOVERNED;
        }
        long token;
        ts.insideWarden++;
        try {
            token = decideFile(ts, op, actions, path, other, api);
        } catch (Throwable internal) {
            token = internalError(ts, internal, path, api);
        } finally {
            ts.insideWarden--;
        }
        if (token == DENIED) {
            Exception denial = ts.denial;
            ts.denial = null;
            throw denial;
        }
        return token;
    }

    @Override
    public long enterHttp(Object subject, String method, Object url, long bodyBytes) throws Exception {
        ThreadState ts = state.get();
        if (ts.insideWarden > 0 || url == null || method == null) {
            return NOT_GOVERNED;
        }
        if (subject != null && ts.alreadyDecided(subject, url, method)) {
            // The same request again: HttpURLConnection's getResponseCode calls getInputStream twice.
            String denied = ts.lastHttpDenial();
            if (denied != null) {
                throw new WardenConnectException(denied);
            }
            return NOT_GOVERNED;
        }
        long token;
        int depth = ts.depth();
        ts.insideWarden++;
        try {
            token = network.decideHttp(ts, subject, method, url, bodyBytes);
        } catch (Throwable internal) {
            ts.popTo(depth);
            token = internalNetworkError(ts, internal, "http." + method, NetworkCalls.withoutSecrets(String.valueOf(url)));
        } finally {
            ts.insideWarden--;
        }
        return throwIfDenied(ts, token);
    }

    @Override
    public void httpPending(int client, Object request) throws Exception {
        RequestReader reader = client >= 0 && client < RequestReader.BY_CLIENT.length ? RequestReader.BY_CLIENT[client] : null;
        ThreadState ts = state.get();
        if (reader == null || ts.insideWarden > 0) {
            return;
        }
        String method;
        Object url;
        ts.insideWarden++;
        try {
            method = reader.method(request);
            url = reader.url(request);
        } catch (Throwable internal) {
            throwIfDenied(ts, internalNetworkError(ts, internal, "http.*", request.getClass().getName()));
            return;
        } finally {
            ts.insideWarden--;
        }
        if (method == null || url == null) {
            return; // not a request this reader knows (another Supplier passed where a request may be)
        }
        long token = enterHttp(request, method, url, -1L);
        if (token != NOT_GOVERNED) {
            ts.insideWarden++;
            try {
                network.park(ts, url);
                Object proxy = reader.proxy(request);
                if (proxy instanceof java.net.InetSocketAddress) {
                    java.net.InetSocketAddress p = (java.net.InetSocketAddress) proxy;
                    network.allowedVia(p.getHostString(), p.getPort());
                }
            } catch (Throwable internal) {
                LOG.error("Warden could not follow an HTTP request", internal);
            } finally {
                ts.insideWarden--;
            }
        }
    }

    @Override
    public void httpPark(long token, Object key) {
        ThreadState ts = state.get();
        ts.insideWarden++;
        try {
            network.park(ts, key);
        } catch (Throwable internal) {
            LOG.error("Warden could not follow an HTTP request", internal);
        } finally {
            ts.insideWarden--;
        }
    }

    @Override
    public Object httpCallback(long token, Object callback, Class<?> type) {
        ThreadState ts = state.get();
        ts.insideWarden++;
        try {
            return network.recordingCallback(ts, callback, type);
        } catch (Throwable internal) {
            LOG.error("Warden could not follow an asynchronous HTTP request", internal);
            return callback;
        } finally {
            ts.insideWarden--;
        }
    }

    @Override
    public void httpCallbackUnused(Object callback, Throwable thrown) {
        ThreadState ts = state.get();
        ts.insideWarden++;
        try {
            RecordingCallback.unused(callback, thrown);
        } catch (Throwable internal) {
            LOG.error("Warden could not record the outcome of an HTTP request", internal);
        } finally {
            ts.insideWarden--;
        }
    }

    @Override
    public void httpVia(String host, int port) {
        ThreadState ts = state.get();
        ts.insideWarden++;
        try {
            network.allowedVia(host, port);
        } catch (Throwable internal) {
            LOG.error("Warden could not follow an HTTP request's proxy", internal);
        } finally {
            ts.insideWarden--;
        }
    }

    @Override
    public void httpResponse(Object key, int status, Throwable thrown) {
        ThreadState ts = state.get();
        if (ts.insideWarden > 0) {
            return;
        }
        ts.insideWarden++;
        try {
            network.responded(ts, key, status, thrown);
        } catch (Throwable internal) {
            LOG.error("Warden could not record the outcome of an HTTP request", internal);
        } finally {
            ts.insideWarden--;
        }
    }

    @Override
    public void exitHttp(long token, int status, Throwable thrown) {
        ThreadState ts = state.get();
        CallFrame f = ts.top();
        if (f != null && f.family == Family.HTTP && f.status < 0) {
            f.status = status; // a redirect may have set the first hop's own status already
        }
        exit(token, thrown);
    }

    @Override
    public int httpSendBegin() {
        ThreadState ts = state.get();
        return ts.insideWarden > 0 ? ts.sendDepth : network.sendBegin(ts);
    }

    @Override
    public void httpSendEnd(int saved, Object response, Throwable thrown) {
        ThreadState ts = state.get();
        if (ts.insideWarden > 0) {
            return;
        }
        ts.insideWarden++;
        try {
            network.sendEnd(ts, saved, response, thrown);
        } catch (Throwable internal) {
            LOG.error("Warden could not record the outcome of an HTTP request", internal);
        } finally {
            ts.insideWarden--;
        }
    }

    @Override
    public void httpAsync(long token, Object future) {
        ThreadState ts = state.get();
        ts.insideWarden++;
        try {
            network.detach(ts, future);
        } catch (Throwable internal) {
            LOG.error("Warden could not follow an asynchronous HTTP request", internal);
        } finally {
            ts.insideWarden--;
        }
    }

    @Override
    public String baggage(String existing) {
        ThreadState ts = state.get();
        if (ts.insideWarden > 0) {
            return null;
        }
        ts.insideWarden++;
        try {
            return network.baggage(existing);
        } catch (Throwable internal) {
            LOG.error("Warden could not build the baggage header", internal);
            return null;
        } finally {
            ts.insideWarden--;
        }
    }

    @Override
    public Object withBaggage(Object request) {
        ThreadState ts = state.get();
        if (ts.insideWarden > 0) {
            return request;
        }
        ts.insideWarden++;
        try {
            return network.withBaggage(request);
        } catch (Throwable internal) {
            LOG.error("Warden could not add the baggage header", internal);
            return request;
        } finally {
            ts.insideWarden--;
        }
    }

    @Override
    public void baggageInto(Object message) {
        ThreadState ts = state.get();
        if (ts.insideWarden > 0) {
            return;
        }
        ts.insideWarden++;
        try {
            network.baggageInto(message);
        } catch (Throwable internal) {
            LOG.error("Warden could not add the baggage header", internal);
        } finally {
            ts.insideWarden--;
        }
    }

    @Override
    public long enterConnect(Object address, boolean selector) throws Exception {
        ThreadState ts = state.get();
        if (ts.insideWarden > 0) {
            return NOT_GOVERNED;
        }
        long token;
        int depth = ts.depth();
        ts.insideWarden++;
        try {
            token = network.decideConnect(ts, address, selector);
        } catch (Throwable internal) {
            ts.popTo(depth);
            token = internalNetworkError(ts, internal, "net.connect", String.valueOf(address));
        } finally {
            ts.insideWarden--;
        }
        return throwIfDenied(ts, token);
    }

    @Override
    public void decidedScope(int delta) {
        state.get().decidedScope += delta;
    }

    @Override
    public long enterMail(Object message, Object envelope) throws Exception {
        ThreadState ts = state.get();
        if (ts.insideWarden > 0) {
            return NOT_GOVERNED;
        }
        CallFrame top = ts.top();
        if (top != null && top.family == Family.MAIL && top.path == message) {
            return NOT_GOVERNED; // Transport.send decided it; its transport's sendMessage is the same message
        }
        return throwIfDenied(ts, mail.decide(ts, message, envelope));
    }

    @Override
    public long enterProcess(Object command, String dir) throws Exception {
        ThreadState ts = state.get();
        if (ts.insideWarden > 0 || !(command instanceof String[]) || ((String[]) command).length == 0) {
            return NOT_GOVERNED;
        }
        // ProcessBuilder.start hands ProcessImpl its own clone of the command: no application
        // thread can change it between this decision and the fork.
        String[] line = (String[]) command;
        long token;
        int depth = ts.depth();
        ts.insideWarden++;
        try {
            token = processes.decideStart(ts, line, dir);
        } catch (Throwable internal) {
            ts.popTo(depth);
            token = internalProcessError(ts, internal, String.join(" ", line));
        } finally {
            ts.insideWarden--;
        }
        return throwIfDenied(ts, token);
    }

    @Override
    public void enterJvmExit(int status, boolean halt) {
        ThreadState ts = state.get();
        if (ts.insideWarden > 0) {
            return; // Warden's own stop (an invalid policy at start-up)
        }
        SecurityException denial;
        int depth = ts.depth();
        ts.insideWarden++;
        try {
            denial = processes.decideExit(ts, status, halt);
        } catch (Throwable internal) {
            ts.popTo(depth);
            String target = Integer.toString(status);
            denial = internalFailure(ts, internal, "jvm.exit", target)
                    ? new SecurityException(Denials.message("jvm.exit", target, "internal error: " + internal, "error")) : null;
        } finally {
            ts.insideWarden--;
        }
        if (denial != null) {
            throw denial;
        }
        if (!halt) {
            return;
        }
        // halt runs no shutdown hook: write out what is held in memory now.
        WardenThreads.runAsWarden(recorder::flush);
    }

    private long internalProcessError(ThreadState ts, Throwable internal, String target) {
        if (!internalFailure(ts, internal, "process.exec", target)) {
            return NOT_GOVERNED;
        }
        ts.denial = new java.io.IOException(Denials.message("process.exec", target, "internal error: " + internal, "error"));
        return DENIED;
    }

    /**
     * Warden failed while deciding {@code action} on {@code target}: logged and recorded as an
     * error; answers whether {@code warden.failure} (the policy in force's) denies the call.
     */
    private boolean internalFailure(ThreadState ts, Throwable internal, String action, String target) {
        boolean closed = failClosed();
        LOG.error("Warden could not decide {} {}; {}", action, target,
                closed ? "denied (warden.failure = closed)" : "allowed (warden.failure = open)", internal);
        recorder.error(ts, action, target, "internal error: " + internal, closed);
        return closed;
    }

    @Override
    public void mailTransportScope(int delta) {
        state.get().mailTransport += delta;
    }

    // ---- JDBC (see SqlCalls)

    @Override
    public long enterSqlConnect(Object source, String url) throws Exception {
        ThreadState ts = state.get();
        if (ts.insideWarden > 0) {
            return NOT_GOVERNED;
        }
        long token;
        int depth = ts.depth();
        ts.insideWarden++;
        try {
            token = sqlConnects.enterConnect(ts, source, url);
        } catch (Throwable internal) {
            ts.popTo(depth);
            token = internalSqlError(ts, internal, "sql.connect", url == null ? "jdbc:unknown" : dev.warden.agent.sql.JdbcUrls.withoutCredentials(url));
        } finally {
            ts.insideWarden--;
        }
        return throwIfDenied(ts, token);
    }

    @Override
    public void exitSqlConnect(long token, Object source, Object connection, Throwable thrown) throws Exception {
        ThreadState ts = state.get();
        if (token == NOT_GOVERNED || token == DENIED) {
            return;
        }
        long result;
        ts.insideWarden++;
        try {
            result = sqlConnects.exitConnect(ts, token, source, connection, thrown);
        } catch (Throwable internal) {
            LOG.error("Warden could not decide or record a JDBC connection", internal);
            result = failClosed() && token == SqlCalls.DATA_SOURCE ? internalSqlError(ts, internal, "sql.connect", "jdbc:unknown") : GOVERNED;
        } finally {
            ts.insideWarden--;
        }
        throwIfDenied(ts, result);
    }

    @Override
    public void sqlStatementCreated(Object connection, Object statement, String text) {
        ThreadState ts = state.get();
        if (ts.insideWarden > 0) {
            return;
        }
        ts.insideWarden++;
        try {
            sql.statementCreated(connection, statement, text);
        } catch (Throwable internal) {
            LOG.error("Warden could not analyse a prepared statement; it is decided when executed", internal);
        } finally {
            ts.insideWarden--;
        }
    }

    @Override
    public void sqlSchemaChanged(Object connection) {
        ThreadState ts = state.get();
        ts.insideWarden++;
        try {
            sql.schemaChanged(connection);
        } catch (Throwable internal) {
            LOG.error("Warden could not follow a schema change", internal);
        } finally {
            ts.insideWarden--;
        }
    }

    @Override
    public long enterSql(Object statement, String text, boolean batch) throws Exception {
        ThreadState ts = state.get();
        if (ts.insideWarden > 0) {
            return NOT_GOVERNED;
        }
        long token;
        int depth = ts.depth();
        ts.insideWarden++;
        try {
            token = sql.enterStatement(ts, statement, text, batch);
        } catch (Throwable internal) {
            ts.popTo(depth);
            token = internalSqlError(ts, internal, "sql", dev.warden.agent.sql.SqlAnalysis.UNKNOWN);
        } finally {
            ts.insideWarden--;
        }
        return throwIfDenied(ts, token);
    }

    @Override
    public void exitSql(long token, Object statement, long rows, Object resultSet, Throwable thrown) {
        if (token == NOT_GOVERNED || token == DENIED) {
            return;
        }
        ThreadState ts = state.get();
        int depth = ts.depth();
        ts.insideWarden++;
        try {
            sql.exitStatement(ts, token, statement, rows, resultSet, thrown);
        } catch (Throwable internal) {
            ts.popTo(Math.max(0, depth - 1));
            LOG.error("Warden could not record the outcome of a SQL statement", internal);
        } finally {
            ts.insideWarden--;
        }
    }

    @Override
    public void sqlBatch(Object statement, String text) {
        ThreadState ts = state.get();
        if (ts.insideWarden > 0 || ts.sqlDepth > 0) {
            return;
        }
        ts.insideWarden++;
        try {
            sql.batch(statement, text);
        } catch (Throwable internal) {
            LOG.error("Warden could not follow a statement batch", internal);
        } finally {
            ts.insideWarden--;
        }
    }

    @Override
    public void sqlResultSet(Object statement, Object resultSet) {
        ThreadState ts = state.get();
        if (ts.insideWarden > 0) {
            return;
        }
        ts.insideWarden++;
        try {
            sqlResults.resultSet(statement, resultSet);
        } catch (Throwable internal) {
            LOG.error("Warden could not follow a result set", internal);
        } finally {
            ts.insideWarden--;
        }
    }

    @Override
    public void sqlRow(Object resultSet, boolean more) throws Exception {
        ThreadState ts = state.get();
        if (ts.insideWarden > 0) {
            return;
        }
        Exception limit = null;
        ts.insideWarden++;
        try {
            sqlResults.row(ts, resultSet, more);
        } catch (java.sql.SQLException rowLimit) {
            limit = rowLimit;
        } catch (Throwable internal) {
            LOG.error("Warden could not count the rows of a result set", internal);
        } finally {
            ts.insideWarden--;
        }
        if (limit != null) {
            throw limit;
        }
    }

    @Override
    public void sqlClosed(Object statementOrResultSet) {
        ThreadState ts = state.get();
        if (ts.insideWarden > 0) {
            return;
        }
        ts.insideWarden++;
        try {
            sqlResults.closed(ts, statementOrResultSet);
        } catch (Throwable internal) {
            LOG.error("Warden could not record a finished query", internal);
        } finally {
            ts.insideWarden--;
        }
    }

    private long internalSqlError(ThreadState ts, Throwable internal, String action, String target) {
        if (!internalFailure(ts, internal, action, target)) {
            return NOT_GOVERNED;
        }
        ts.denial = SqlCalls.denial(Denials.message(action, target, "internal error: " + internal, "error"));
        return DENIED;
    }

    private static long throwIfDenied(ThreadState ts, long token) throws Exception {
        if (token == DENIED) {
            Exception denial = ts.denial;
            ts.denial = null;
            throw denial;
        }
        return token;
    }

    private long internalNetworkError(ThreadState ts, Throwable internal, String action, String target) {
        if (!internalFailure(ts, internal, action, target)) {
            return NOT_GOVERNED;
        }
        ts.denial = new WardenConnectException(Denials.message(action, target, "internal error: " + internal, "error"));
        return DENIED;
    }

    private long decideFile(ThreadState ts, int op, int actions, Object path, Object other, int api) {
        long now = System.nanoTime();
        CallFrame f = ts.push(Family.FILE);
        if (f == null) {
            // Only application callbacks nest this deep (a FileAttribute whose name() opens a file
            // whose ...): refuse, whatever warden.failure says; it is no internal error.
            ts.denial = Denials.forFileApi(api, PathResolver.raw(path), Denials.message("file", PathResolver.raw(path),
                    "governed calls nested too deep", "error"));
            return DENIED;
        }
        f.op = op;
        f.path = path;
        f.pathActions = actions;
        f.startNanos = now;
        ResolvedPath first = FileCalls.actsOnEntry(op) ? paths.resolveEntry(path, now) : paths.resolve(path, now);
        addFileDecisions(f, actions, first, now);
        if (other != null) {
            addFileDecisions(f, FileCalls.onOther(op), resolveOther(op, first, other, now), now);
        }
        if (f.policy != null) {
            // Over the whole call: a copy or move takes one permit of a limit, and none when refused.
            RuntimeChecks.applyCall(f, 0, controls, recorder, f.policy, now);
        }
        int denied = f.firstDenied();
        if (denied < 0) {
            proceeding(f);
            return GOVERNED;
        }
        if (op == FileOp.CREATE_DIRECTORY && api == dev.warden.bootstrap.Gate.API_NIO && FileCalls.isExistingDirectory(path)) {
            // Creating what exists changes nothing: answer as the OS would (EEXIST), which
            // Files.createDirectories expects, rather than report a denial.
            ts.pop();
            ts.denial = new java.nio.file.FileAlreadyExistsException(PathResolver.raw(path));
            return DENIED;
        }
        recorder.blocked(ts, f);
        ts.denial = Denials.forFileApi(api, f.targets[denied],
                Denials.message(f.actions[denied].name(), f.targets[denied], f.reasons[denied], f.rules[denied]));
        ts.pop();
        return DENIED;
    }

    /** A symlink's text is relative to the link's directory, not to the working directory. */
    private ResolvedPath resolveOther(int op, ResolvedPath first, Object other, long now) {
        if (op == FileOp.SYMLINK && !Path.of(String.valueOf(other)).isAbsolute()) {
            // The kernel resolves a link's text from the directory the link is really in.
            Path parent = Path.of(first.real).getParent();
            return paths.resolve(parent == null ? other : parent.resolve(String.valueOf(other)).toString(), now);
        }
        return FileCalls.otherIsEntry(op) ? paths.resolveEntry(other, now) : paths.resolve(other, now);
    }

    /** Writes and deletes first: when several are denied, the caller hears about the strongest. */
    private void addFileDecisions(CallFrame f, int actions, ResolvedPath p, long now) {
        if ((actions & FileCalls.WRITE) != 0) {
            decide(f, Action.FILE_WRITE, p, now);
        }
        if ((actions & FileCalls.DELETE) != 0) {
            decide(f, Action.FILE_DELETE, p, now);
        }
        if ((actions & FileCalls.READ) != 0) {
            decide(f, Action.FILE_READ, p, now);
        }
    }

    private void decide(CallFrame f, Action action, ResolvedPath p, long now) {
        int i = f.add(action, p.real, p.detail, p.realUtf8, p.detailUtf8);
        Policy current = policyFor(f);
        if (current == null) {
            f.decisions[i] = Outcome.ERROR;
            f.rules[i] = "error";
            f.reasons[i] = startupError;
            return;
        }
        f.verdicts[i] = current.decidePath(action, p.written, p.real, performed(f));
    }

    private long internalError(ThreadState ts, Throwable internal, Object path, int api) {
        CallFrame f = ts.top();
        if (f != null && f.family == Family.FILE) {
            ts.pop();
        }
        String target = PathResolver.raw(path);
        if (!internalFailure(ts, internal, "file", target)) {
            return NOT_GOVERNED;
        }
        ts.denial = Denials.forFileApi(api, target, Denials.message("file", target, "internal error: " + internal, "error"));
        return DENIED;
    }

    @Override
    public void exit(long token, Throwable thrown) {
        ThreadState ts = state.get();
        CallFrame f = ts.top();
        if (f == null) {
            return;
        }
        ts.insideWarden++;
        try {
            recorder.completed(ts, f, System.nanoTime(), thrown);
            // A child process can change the file tree behind Warden's back.
            if (thrown == null && (f.family == Family.PROCESS || (f.family == Family.FILE && FileCalls.changesTree(f.op)))) {
                paths.invalidate();
            }
        } catch (Throwable internal) {
            LOG.error("Warden could not record the outcome of a governed call", internal);
        } finally {
            ts.pop();
            ts.insideWarden--;
        }
    }

    /** Flushes the trail at JVM exit; it stays open for the application's own shutdown hooks. */
    public void shutdown() {
        WardenThreads.runAsWarden(() -> {
            network.flushParked(state.get());
            sqlResults.flushOpen(state.get());
            recorder.flush();
        });
    }
}
